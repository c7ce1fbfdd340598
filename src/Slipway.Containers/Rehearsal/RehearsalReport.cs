namespace Slipway.Containers.Rehearsal;

/// <summary>What one rehearsal of a workflow ran and found.</summary>
public sealed record RehearsalReport(string Workflow, string Round, TimeSpan Duration, IReadOnlyList<string> Jobs, IReadOnlyList<string> Findings)
{
    public override string ToString() =>
        $"{Workflow}{(Round.Length > 0 ? " (" + Round + ")" : "")}: {Duration.TotalMinutes:0.0} min, jobs {string.Join(", ", Jobs)}" +
        (Findings.Count == 0 ? "" : "; " + string.Join("; ", Findings));
}
