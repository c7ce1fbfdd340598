namespace Slipway.Tool.Setup;

/// <summary>One line of setup's report: a file, what happened to it and why.</summary>
internal sealed record SetupStep(string Path, SetupAction Action, string? Reason = null)
{
    public override string ToString() =>
        $"  {Action.ToString().ToLowerInvariant(),-8}{Path}" + (Reason is null ? "" : $" ({Reason})");
}
