namespace Slipway.Tool.Detection;

/// <summary>What setup needs to know of one Dockerfile: its stages in order and the defaults of its ARGs.</summary>
/// <param name="Path">Relative to the repository root, with forward slashes.</param>
/// <param name="Arguments">Every ARG with its default (null when it has none), global and per stage.</param>
/// <param name="VenvPath">The virtual environment it creates (<c>python -m venv /opt/venv</c>), or null.</param>
internal sealed record DockerfileSummary(
    string Path, IReadOnlyList<DockerfileStage> Stages, IReadOnlyDictionary<string, string?> Arguments, string? VenvPath)
{
    public DockerfileStage? Stage(string name) =>
        Stages.FirstOrDefault(stage => string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase));

    public DockerfileStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    /// <summary>A stage named <c>builder</c> built from a base image, not from an ARG that names a builder image.</summary>
    public bool BuildsBuilderStage => Stage("builder") is { } builder && !NamesBuilder(builder.BaseArgument);

    /// <summary>A FROM takes its base from an ARG whose name says builder: the app of a builder/app pair (seed 002).</summary>
    public bool TakesBuilderImage =>
        Stages.Any(stage => NamesBuilder(stage.BaseArgument));

    /// <summary>A later stage copies from the builder stage.</summary>
    public bool CopiesFromBuilder =>
        Stages.Any(stage => stage.CopiesFrom.Any(from => string.Equals(from, "builder", StringComparison.OrdinalIgnoreCase)));

    public bool HasStage(string name) => Stage(name) is not null;

    /// <summary>A stage's base with ARG defaults substituted: the image it is built from, or null when no default says.</summary>
    public string? ResolvedBase(DockerfileStage stage)
    {
        if (stage.BaseArgument is null)
            return Stages.Any(other => other.Name is not null && string.Equals(other.Name, stage.Base, StringComparison.OrdinalIgnoreCase))
                ? ResolvedBase(Stage(stage.Base)!)
                : stage.Base;
        return Arguments.TryGetValue(stage.BaseArgument, out var value) ? value : null;
    }

    private static bool NamesBuilder(string? argument) =>
        argument?.Contains("BUILDER", StringComparison.OrdinalIgnoreCase) == true;
}
