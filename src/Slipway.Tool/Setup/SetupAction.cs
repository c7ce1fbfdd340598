namespace Slipway.Tool.Setup;

/// <summary>What setup did with one file.</summary>
internal enum SetupAction
{
    Wrote,
    Updated,
    Kept,
}
