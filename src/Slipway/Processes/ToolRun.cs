namespace Slipway.Processes;

/// <summary>One run of an external program: what to start, where, with which extra environment variables.</summary>
public sealed record ToolRun(string Program, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public override string ToString() => $"{Program} {string.Join(' ', Arguments)}".TrimEnd();
}
