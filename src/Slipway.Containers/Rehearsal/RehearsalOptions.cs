using Slipway.Paths;

namespace Slipway.Containers.Rehearsal;

/// <summary>What to rehearse and how.</summary>
/// <param name="RootDirectory">The repository: its committed HEAD is what every job clones, as actions/checkout would.</param>
/// <param name="RunnerUser">The non-root user the jobs run as (made when missing: docker group, passwordless sudo).</param>
public sealed record RehearsalOptions(AbsolutePath RootDirectory, string RunnerUser = "slipway-runner")
{
    /// <summary>Workflow files to rehearse, by name (<c>images</c> or <c>images.yml</c>); empty: every file under .github/workflows.</summary>
    public IReadOnlyList<string> Workflows { get; init; } = [];

    /// <summary>Variables added to the <c>run:</c> steps of one workflow, by its file name (e.g. a test filter for ci.yml,
    /// whose <c>./build.sh Test</c> would otherwise run this rehearsal again inside itself).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> StepVariables { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Rehearse a workflow that pushes a second time, with the builder images and their BuildKit cache removed
    /// first, to show the second run pulls the builder by its deps-&lt;hash&gt; tag instead of building it.</summary>
    public bool RepeatPushingWorkflows { get; init; } = true;

    /// <summary>The repository name the jobs see as <c>github.repository</c>.</summary>
    public string Repository { get; init; } = "slipway-rehearsal/slipway";

    /// <summary>The variable a run step must see so that a rehearsal started inside one does nothing.</summary>
    public const string InsideRehearsalVariable = "SLIPWAY_REHEARSAL";
}
