namespace Slipway.Tool.Setup;

/// <summary>A file setup writes: its path relative to the repository root (forward slashes) and its text.</summary>
internal sealed record GeneratedFile(string Path, string Text, bool Executable = false);
