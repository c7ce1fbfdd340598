using Slipway.Paths;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Compose;

/// <summary>Finds and reads a repository's Compose file. Anchors and <c>&lt;&lt;</c> merge keys are resolved; a file
/// that is not YAML, or whose fields have the wrong shape, is one <see cref="SlipwayException"/> naming the file and
/// the line.</summary>
public static class ComposeFile
{
    /// <summary>The names the Compose CLI looks for, in its order of preference.</summary>
    public static readonly IReadOnlyList<string> Names = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    /// <summary>The Compose file in <paramref name="directory"/> the Compose CLI would take, or null when there is none.</summary>
    public static AbsolutePath? Find(AbsolutePath directory) =>
        Names.Select(name => directory / name).FirstOrDefault(path => path.FileExists);

    /// <summary>The Compose file Up, Watch and Down run: the one given, else the one the Compose CLI would take; one
    /// error line when there is none.</summary>
    public static AbsolutePath Require(AbsolutePath root, AbsolutePath? given)
    {
        if (given is not null)
            return given.FileExists ? given : throw new SlipwayException($"Compose file {given.RelativeTo(root)} does not exist");
        return Find(root) ?? throw new SlipwayException($"no Compose file in the repository ({string.Join(", ", Names)}): Up, Watch and Down run one");
    }

    public static ComposeProject Read(AbsolutePath path, string? source = null) =>
        Parse(File.ReadAllText(path), source ?? path.Value);

    /// <param name="source">How messages name the file (a path relative to the repository root, say).</param>
    public static ComposeProject Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new MergingParser(new Parser(new StringReader(text))));
        }
        catch (YamlException problem)
        {
            throw new SlipwayException($"{source}:{problem.Start.Line}: not valid YAML: {Reason(problem)}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new ComposeProject(source, []);
        var reader = new ComposeNodes(source);
        var root = reader.Mapping(stream.Documents[0].RootNode, "the file");
        if (ComposeNodes.Child(root, "services") is not { } services || ComposeNodes.IsNull(services))
            return new ComposeProject(source, []);
        return new ComposeProject(source, reader.Mapping(services, "services").Children
            .Select(entry => ServiceOf(reader, reader.Text(entry.Key, "a service name")!, entry.Key, entry.Value))
            .ToArray());
    }

    private static ComposeService ServiceOf(ComposeNodes reader, string name, YamlNode key, YamlNode node)
    {
        var service = ComposeNodes.IsNull(node) ? new YamlMappingNode() : reader.Mapping(node, $"service {name}");
        var build = ComposeNodes.Child(service, "build") is { } section && !ComposeNodes.IsNull(section)
            ? BuildOf(reader, name, section)
            : null;
        return new ComposeService(
            name,
            build,
            reader.Text(ComposeNodes.Child(service, "image"), $"{name}.image"),
            reader.Text(ComposeNodes.Child(service, "platform"), $"{name}.platform"),
            reader.Sequence(ComposeNodes.Child(service, "ports"), $"{name}.ports").Select(port => reader.Port(port, name)).ToArray(),
            (int)key.Start.Line)
        {
            DevelopWatch = ComposeDevelopWatch.Read(reader, name, service, build is not null),
        };
    }

    private static ComposeBuild BuildOf(ComposeNodes reader, string service, YamlNode node)
    {
        if (node is YamlScalarNode)
            return new ComposeBuild(reader.Text(node, $"{service}.build") ?? ".", null, null, [], []);
        var build = reader.Mapping(node, $"{service}.build");
        string? Field(string name) => reader.Text(ComposeNodes.Child(build, name), $"{service}.build.{name}");
        return new ComposeBuild(
            Field("context") ?? ".",
            Field("dockerfile"),
            Field("target"),
            reader.Pairs(ComposeNodes.Child(build, "args"), $"{service}.build.args"),
            reader.Sequence(ComposeNodes.Child(build, "platforms"), $"{service}.build.platforms")
                .Select(platform => reader.Text(platform, $"{service}.build.platforms")!).ToArray());
    }

    private static string Reason(YamlException problem) =>
        (problem.InnerException?.Message ?? problem.Message).Split('\n')[0].Trim();
}
