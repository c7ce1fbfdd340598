namespace Slipway.Ci;

/// <summary>A generated workflow: its name, its path relative to the root (<c>.github/workflows/&lt;name&gt;.yml</c>) and its text.</summary>
public sealed record WorkflowFile(string Name, string RelativePath, string Content);
