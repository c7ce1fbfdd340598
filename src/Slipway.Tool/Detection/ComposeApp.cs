using Slipway.Containers.Compose;
using Slipway.Paths;
using Slipway.Tool.Setup;

namespace Slipway.Tool.Detection;

/// <summary>The Compose service that is the app: the one whose <c>build:</c> section builds it, with its context and
/// Dockerfile relative to the repository root.</summary>
/// <param name="File">The Compose file, relative to the root.</param>
/// <param name="Context">The build context relative to the root (<c>.</c> for the root itself).</param>
/// <param name="AppDockerfile">The Dockerfile relative to the root.</param>
internal sealed record ComposeApp(string File, ComposeService Service, ComposeBuild Build, string Context, string AppDockerfile)
{
    /// <summary>The app service of the root's Compose file: the only one that builds, the one named by
    /// <c>--service</c>, or the prompt's choice; null when there is no Compose file or nothing in it builds.</summary>
    public static ComposeApp? Find(string root, string? serviceOption, IChoicePrompt prompt)
    {
        var rootPath = AbsolutePath.From(root);
        if (ComposeFile.Find(rootPath) is not { } path)
            return serviceOption is null ? null
                : throw new SetupException($"--service {serviceOption}: no Compose file ({string.Join(", ", ComposeFile.Names)}) in {root}");
        var file = path.RelativeTo(rootPath).Replace('\\', '/');
        var project = ComposeFile.Read(path, file);
        var built = project.BuiltServices;
        if (built.Count == 0)
            return serviceOption is null ? null : throw new SetupException($"--service {serviceOption}: no service in {file} has a build: section");
        var service = serviceOption is not null
            ? built.FirstOrDefault(candidate => candidate.Name == serviceOption)
              ?? throw new SetupException($"--service {serviceOption}: {file} has no such service with a build: section; those that build: {Names(built)}")
            : built.Count == 1 ? built[0]
            : built.First(candidate => candidate.Name == prompt.Choose($"the app service in {file}", "--service <name>", built.Select(candidate => candidate.Name).Order(StringComparer.Ordinal).ToArray()));
        var build = service.Build!;
        var context = RootRelative(rootPath, path.Parent, build.Context, $"{file}: service {service.Name}'s build context {build.Context}");
        if (!Directory.Exists(Path.Combine(root, context)))
            throw new SetupException($"{file}:{service.Line}: service {service.Name}'s build context {build.Context}: no such folder");
        var dockerfile = RootRelative(rootPath, AbsolutePath.From(Path.Combine(root, context)), build.DockerfileOrDefault, $"{file}: service {service.Name}'s dockerfile {build.DockerfileOrDefault}");
        if (!System.IO.File.Exists(Path.Combine(root, dockerfile)))
            throw new SetupException($"{file}:{service.Line}: service {service.Name} builds {dockerfile}: no such file");
        return new ComposeApp(file, service, build, context, dockerfile);
    }

    /// <summary>The platforms it is built for: the build's own list, else the service's <c>platform</c>.</summary>
    public IReadOnlyList<string> Platforms =>
        Build.Platforms.Count > 0 ? Build.Platforms : Service.Platform is { } platform ? [platform] : [];

    private static string Names(IEnumerable<ComposeService> services) =>
        string.Join(", ", services.Select(service => service.Name).Order(StringComparer.Ordinal));

    private static string RootRelative(AbsolutePath root, AbsolutePath from, string path, string what)
    {
        var relative = Path.GetRelativePath(root, Path.GetFullPath(path, from)).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new SetupException($"{what} is outside the repository {root}");
        return relative;
    }
}
