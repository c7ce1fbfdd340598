namespace Slipway.Execution;

/// <summary>The outcome of one run: the exit code and what happened to each planned target.</summary>
public sealed record BuildResult(int ExitCode, IReadOnlyList<TargetResult> Targets)
{
    public TargetResult? this[string name] =>
        Targets.FirstOrDefault(target => string.Equals(target.Name, name, StringComparison.OrdinalIgnoreCase));
}
