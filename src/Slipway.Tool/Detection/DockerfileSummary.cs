namespace Slipway.Tool.Detection;

/// <summary>What setup needs to know of one Dockerfile: its stages in order and the defaults of its ARGs. Which stage is
/// the builder follows from the structure, never from names: a stage a later stage copies from is a builder; when it
/// has no steps of its own and its base comes from outside the file, the builder is an image taken from elsewhere.</summary>
/// <param name="Path">Relative to the repository root, with forward slashes.</param>
/// <param name="Arguments">Every ARG with its default (null when it has none), global and per stage.</param>
/// <param name="VenvPath">The virtual environment it creates (<c>python -m venv /opt/venv</c>), or null.</param>
internal sealed partial record DockerfileSummary(
    string Path, IReadOnlyList<DockerfileStage> Stages, IReadOnlyDictionary<string, string?> Arguments, string? VenvPath)
{
    public DockerfileStage? Stage(string name) =>
        Stages.FirstOrDefault(stage => string.Equals(stage.Name, name, StringComparison.OrdinalIgnoreCase));

    public DockerfileStage? FinalStage => Stages.Count == 0 ? null : Stages[^1];

    public bool HasStage(string name) => Stage(name) is not null;

    /// <summary>The stage that takes the builder image from elsewhere (seed 002's <c>FROM ${BUILDER_IMAGE} AS builder</c>
    /// with nothing after it, copied from by a later stage), or null.</summary>
    public DockerfileStage? TakenBuilderStage => CopiedStages().FirstOrDefault(stage => !stage.HasOwnSteps && StageNamed(stage.Base) is null);

    /// <summary>The stage built here that a later stage copies from (a stage named <c>builder</c> first), or null.</summary>
    public DockerfileStage? BuiltBuilderStage
    {
        get
        {
            var built = CopiedStages().Where(stage => stage.HasOwnSteps).ToArray();
            return built.FirstOrDefault(stage => string.Equals(stage.Name, "builder", StringComparison.OrdinalIgnoreCase)) ?? built.FirstOrDefault();
        }
    }

    /// <summary>The app of a builder/app pair: it takes the builder image from elsewhere.</summary>
    public bool TakesBuilderImage => TakenBuilderStage is not null;

    /// <summary>Builder and app in one file: a stage built here that a later one copies from, and no builder taken from elsewhere.</summary>
    public bool HasBuilderStageAndApp => !TakesBuilderImage && BuiltBuilderStage is not null;

    /// <summary>A stage's base with ARG defaults substituted and stages followed: the image it is built from, or null
    /// when no default says.</summary>
    public string? ResolvedBase(DockerfileStage stage)
    {
        var seen = new HashSet<int>();
        while (seen.Add(stage.Index) && stage.BaseArgument is null && StageNamed(stage.Base) is { } parent && parent.Index < stage.Index)
            stage = parent;
        string? missing = null;
        var resolved = Reference().Replace(stage.Base, match => Arguments.GetValueOrDefault(match.Groups["name"].Value) ?? (missing = match.Value));
        return missing is null ? resolved : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{(?<name>\w+)\}|\$(?<name>\w+)")]
    private static partial System.Text.RegularExpressions.Regex Reference();

    /// <summary>The stages of this file that a later stage copies or mounts <c>--from</c>, in the order of the copies.</summary>
    private IEnumerable<DockerfileStage> CopiedStages() =>
        Stages.SelectMany(copier => copier.CopiesFrom
                .Select(from => Stages.FirstOrDefault(stage => stage.Index < copier.Index && stage.IsNamedBy(from))))
            .OfType<DockerfileStage>()
            .Distinct();

    private DockerfileStage? StageNamed(string reference) => Stages.FirstOrDefault(stage => stage.IsNamedBy(reference));
}
