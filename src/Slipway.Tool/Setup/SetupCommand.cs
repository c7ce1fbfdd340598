using Slipway.Tool.Detection;
using Slipway.Tool.Git;

namespace Slipway.Tool.Setup;

/// <summary><c>slipway setup</c>: scaffolds a Slipway build into the git repository it runs in. A repository it set up
/// before (any version) gets the new package version and bootstrap scripts and keeps its build class and parameters;
/// any other existing build is replaced only with <c>--force</c>.</summary>
internal sealed class SetupCommand(IDockerfileReader reader, IChoicePrompt prompt)
{
    public const string ProjectPath = "build/_build.csproj";
    public const string BuildClassPath = "build/Build.cs";
    public const string ParametersPath = ".nuke/parameters.json";

    public SetupResult Run(SetupOptions options)
    {
        var repository = GitRepository.Containing(options.WorkingDirectory);
        var files = new RepositoryWriter(repository.Root);
        var project = files.ReadOrNull(ProjectPath);
        if (!options.Force && project is not null && BuildProjectText.IsSlipwayBuild(project))
            return Update(files, project, options.SlipwayVersion, reader);
        if (!options.Force && (project is not null || files.Exists(BuildClassPath)))
            throw new SetupException(
                $"{(project is not null ? ProjectPath : BuildClassPath)} already exists and was not written by slipway setup; " +
                "rerun with --force to replace the build");

        var choices = RootRelative(repository.Root, options.WorkingDirectory, options.Choices);
        var layout = new LayoutDetector(reader, prompt).Detect(repository.Root, repository.RemoteUrl, choices);
        files.Write(new GeneratedFile(ProjectPath, BuildProjectText.For(options.SlipwayVersion)));
        var hasComposeFile = Slipway.Containers.Compose.ComposeFile.Names.Any(files.Exists);
        files.Write(new GeneratedFile(BuildClassPath, BuildClassText.For(layout, hasComposeFile)));
        files.Write(new GeneratedFile(ParametersPath, ParametersText.For(layout)));
        files.Write(new GeneratedFile(BuildSchemaText.Path, BuildSchemaText.For(layout, hasComposeFile)));
        WriteCommonFiles(files);
        var dockerIgnore = layout.BuildContext == "." ? ".dockerignore" : layout.BuildContext + "/.dockerignore";
        if (files.Exists(dockerIgnore))
            files.Keep(dockerIgnore, "exists");
        else
            files.Write(new GeneratedFile(dockerIgnore, EmbeddedText.Read("templates/dockerignore.template")));
        return new SetupResult(repository.Root, layout, files.Steps, null, DockerfileCheck.ProblemOf(repository.Root, layout));
    }

    private static SetupResult Update(RepositoryWriter files, string project, string version, IDockerfileReader reader)
    {
        var previous = BuildProjectText.VersionOf(project);
        if (previous == version)
            files.Keep(ProjectPath, $"Slipway {version}");
        else
            files.Write(new GeneratedFile(ProjectPath, BuildProjectText.WithVersion(project, version)), $"Slipway {previous} -> {version}");
        files.Keep(BuildClassPath, "yours to edit");
        var parameters = files.ReadOrNull(ParametersPath);
        var (withoutCopies, removed) = parameters is null ? ("", []) : StatedBaseCopies.Remove(files.Root, parameters, reader);
        if (removed.Count > 0)
            files.Write(new GeneratedFile(ParametersPath, withoutCopies),
                $"removed {string.Join(", ", removed)}: copies an earlier setup wrote of what the Dockerfile states");
        else
            files.Keep(ParametersPath, "yours to edit");
        WriteCommonFiles(files);
        return new SetupResult(files.Root, null, files.Steps, previous);
    }

    /// <summary>The bootstrap scripts (always this version's), global.json when absent and the .gitignore entries.</summary>
    private static void WriteCommonFiles(RepositoryWriter files)
    {
        foreach (var script in BootstrapScripts.Files())
            files.Write(script);
        if (files.Exists("global.json"))
            files.Keep("global.json", "exists");
        else
            files.Write(new GeneratedFile("global.json", EmbeddedText.Read("bootstrap/global.json")));
        var gitIgnore = files.ReadOrNull(".gitignore") ?? "";
        var missing = IgnoreEntries.Missing(gitIgnore, IgnoreEntries.GitIgnore);
        if (missing.Count == 0)
            files.Keep(".gitignore", "has the entries");
        else
            files.Write(new GeneratedFile(".gitignore", IgnoreEntries.Append(gitIgnore, missing)), "+ " + string.Join(" ", missing));
    }

    /// <summary>Paths given on the command line are relative to where setup runs; detection wants them relative to
    /// the root, and they must exist inside the repository.</summary>
    private static LayoutChoices RootRelative(string root, string workingDirectory, LayoutChoices choices)
    {
        string? Resolve(string? path, string option)
        {
            if (path is null)
                return null;
            var full = Path.GetFullPath(path, workingDirectory);
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
                throw new SetupException($"{option} {path} is outside the repository {root}");
            if (!File.Exists(full))
                throw new SetupException($"{option} {path}: no such file");
            return relative;
        }
        return choices with
        {
            BuilderDockerfile = Resolve(choices.BuilderDockerfile, "--builder-dockerfile"),
            AppDockerfile = Resolve(choices.AppDockerfile, "--app-dockerfile"),
        };
    }
}
