namespace Slipway.Ci;

/// <summary>One step of a generated job: an action (<see cref="Uses"/> with its <see cref="With"/> inputs) or a
/// command (<see cref="Run"/> with its <see cref="Env"/>).
/// <see cref="WorkflowContext.RunBuild(IReadOnlyList{string}, IEnumerable{string})"/> makes the step that runs
/// <c>./build.sh</c>; the engine adds the checkout and the cache to every job itself.</summary>
public sealed record WorkflowStep(string Name)
{
    /// <summary>The action, e.g. <c>actions/upload-artifact@v4</c>.</summary>
    public string? Uses { get; init; }

    /// <summary>Written after <see cref="Uses"/> on its line as <c># &lt;comment&gt;</c>: the release a commit-pinned
    /// action is (<c>docker/setup-qemu-action@2910…  # v3.6.0</c>), as Dependabot and reviewers read it.</summary>
    public string? UsesComment { get; init; }

    /// <summary>The action's inputs, in the order written.</summary>
    public IReadOnlyList<(string Key, WorkflowValue Value)> With { get; init; } = [];

    /// <summary>The shell command.</summary>
    public string? Run { get; init; }

    /// <summary>Environment variables of the command, in the order written.</summary>
    public IReadOnlyList<(string Name, string Value)> Env { get; init; } = [];
}
