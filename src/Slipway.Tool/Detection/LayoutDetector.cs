using Slipway.Tool.Setup;

namespace Slipway.Tool.Detection;

/// <summary>Finds the builder/app split of a repository from its Dockerfiles, its dependency manifests and its git
/// remote. Where two candidates fit equally it asks the prompt (which fails without a terminal).</summary>
internal sealed class LayoutDetector(IDockerfileReader reader, IChoicePrompt prompt)
{
    private const string BuilderQuestion = "the builder Dockerfile";
    private const string AppQuestion = "the app Dockerfile";

    public DetectedLayout Detect(string root, string? remoteUrl, LayoutChoices choices)
    {
        var compose = ComposeApp.Find(root, choices.Service, prompt);
        if (compose is not null && choices.AppDockerfile is null)
            choices = choices with { AppDockerfile = compose.AppDockerfile };
        var dockerfiles = RepositoryFiles.Find(root, path => IsDockerfileName(Path.GetFileName(path)))
            .Concat(new[] { choices.BuilderDockerfile, choices.AppDockerfile }.OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Select(path => reader.Read(path, File.ReadAllText(Path.Combine(root, path))))
            .ToDictionary(summary => summary.Path, StringComparer.Ordinal);
        var (kind, builder, app) = Choose(dockerfiles, choices);
        var builderStage = BuilderStageOf(kind, builder);
        var testStage = app.HasStage("test") ? app.Stage("test")!.Name : null;
        var context = compose?.Context ?? ".";
        var (parameters, notes) = compose is null ? ([], []) : ComposeParameters.Of(compose, builder, builderStage, app);
        return new DetectedLayout(
            kind,
            choices.ImageName ?? ImageNameGuess.From(remoteUrl, Path.GetFileName(Path.TrimEndingDirectorySeparator(root))),
            context,
            builder.Path,
            app.Path,
            kind == LayoutKind.BuilderAndAppDockerfiles && builderStage is { Name: { } name } && builderStage != builder.FinalStage ? name : null,
            DependencyManifests.Find(Path.Combine(root, context)),
            builderStage is null ? null : builder.ResolvedBase(builderStage),
            app.FinalStage is { } final ? app.ResolvedBase(final) : null,
            testStage,
            builder.VenvPath ?? app.VenvPath,
            compose,
            parameters,
            notes);
    }

    /// <summary>The stage the builder image is built from: in one Dockerfile the stage the app copies from, in a
    /// builder Dockerfile its <c>builder</c> stage or else its last.</summary>
    public static DockerfileStage? BuilderStageOf(LayoutKind kind, DockerfileSummary builder) =>
        kind == LayoutKind.BuilderStage ? builder.BuiltBuilderStage : builder.Stage("builder") ?? builder.FinalStage;

    /// <summary>Dockerfile, Dockerfile.*, dockerfile.dev, *.Dockerfile; not the per-Dockerfile ignore files.</summary>
    public static bool IsDockerfileName(string name) =>
        !name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase)
        && (name.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase));

    private (LayoutKind, DockerfileSummary Builder, DockerfileSummary App) Choose(
        IReadOnlyDictionary<string, DockerfileSummary> dockerfiles, LayoutChoices choices)
    {
        var all = dockerfiles.Values.OrderBy(summary => summary.Path, StringComparer.Ordinal).ToArray();
        var apps = all.Where(summary => summary.TakesBuilderImage).ToArray();
        var builders = all.Where(IsBuilderOnly).ToArray();
        var single = all.Where(summary => summary.HasBuilderStageAndApp).ToArray();

        if (choices.BuilderDockerfile is { } chosenBuilder)
        {
            var builder = dockerfiles[chosenBuilder];
            var app = choices.AppDockerfile is { } chosenApp ? dockerfiles[chosenApp]
                : builder.HasBuilderStageAndApp && apps.Length == 0 ? builder
                : Pick(apps.Where(summary => summary != builder).ToArray(), AppQuestion, "--app-dockerfile <path>", "no app Dockerfile found (one with a stage that takes the builder image as it is, FROM ${BUILDER_IMAGE} AS builder, and copies from it)");
            return (builder == app ? LayoutKind.BuilderStage : LayoutKind.BuilderAndAppDockerfiles, builder, app);
        }
        if (choices.AppDockerfile is { } onlyApp)
        {
            var app = dockerfiles[onlyApp];
            if (app.HasBuilderStageAndApp)
                return (LayoutKind.BuilderStage, app, app);
            return (LayoutKind.BuilderAndAppDockerfiles, Pick(builders, BuilderQuestion, "--builder-dockerfile <path>", NoBuilder), app);
        }
        if (apps.Length > 0 && builders.Length > 0)
            return (LayoutKind.BuilderAndAppDockerfiles,
                Pick(builders, BuilderQuestion, "--builder-dockerfile <path>", NoBuilder),
                Pick(apps, AppQuestion, "--app-dockerfile <path>", NoBuilder));
        if (single.Length > 0)
        {
            var both = Pick(single, "the Dockerfile with the builder stage", "--builder-dockerfile <path>", NoBuilder);
            return (LayoutKind.BuilderStage, both, both);
        }
        if (builders.Length > 0)
            throw new SetupException(
                $"found the builder Dockerfile {string.Join(", ", builders.Select(summary => summary.Path))} but no app Dockerfile " +
                "(one with a stage that takes the builder image as it is, FROM ${BUILDER_IMAGE} AS builder, and copies from it); name it with --app-dockerfile <path>");
        throw new SetupException(NoBuilder);
    }

    private const string NoBuilder =
        "no builder Dockerfile found (docker/dockerfile.dev with a Dockerfile, one Dockerfile with a stage that a later stage copies from, " +
        "or builder.Dockerfile with app.Dockerfile); name them with --builder-dockerfile <path> --app-dockerfile <path>";

    /// <summary>A Dockerfile that builds a builder and nothing from it: no stage takes a builder image or copies from a
    /// stage built here, and it has a stage named <c>builder</c> or a name that says builder (builder.Dockerfile,
    /// Dockerfile.builder, dockerfile.dev).</summary>
    private static bool IsBuilderOnly(DockerfileSummary summary)
    {
        if (summary.TakesBuilderImage || summary.BuiltBuilderStage is not null)
            return false;
        var name = Path.GetFileName(summary.Path).ToLowerInvariant();
        return summary.HasStage("builder") || name.Contains("builder") || name is "dockerfile.dev" or "dev.dockerfile";
    }

    private DockerfileSummary Pick(IReadOnlyList<DockerfileSummary> candidates, string question, string option, string noneMessage)
    {
        if (candidates.Count == 0)
            throw new SetupException(noneMessage);
        if (candidates.Count == 1)
            return candidates[0];
        var chosen = prompt.Choose(question, option, candidates.Select(candidate => candidate.Path).ToArray());
        return candidates.First(candidate => candidate.Path == chosen);
    }
}
