namespace Slipway.Processes;

/// <summary>One run of an external program: what to start, where, and with which environment.</summary>
public sealed record ToolRun(string Program, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>The program's whole environment. A target passes its build's <c>EnvironmentVariables</c> (the
    /// Invocation's), so what a test or an option set reaches <c>git</c> and <c>docker</c> instead of what this process
    /// happened to inherit. Null is this process's environment, for code that runs without a build.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Variables set on top of <see cref="Environment"/> for this run only, e.g. <c>DOCKER_HOST</c> for one script.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    public override string ToString() => $"{Program} {string.Join(' ', Arguments)}".TrimEnd();
}
