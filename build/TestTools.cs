using Slipway;
using Slipway.Processes;

/// <summary>The test machine's own tools: <c>tests/install-tools.sh</c> (the registry, skopeo, htpasswd and Node.js the
/// integration tests use) and <c>provision/current-engine.sh</c> (the current engine beside the distribution's).</summary>
internal static class TestTools
{
    /// <summary>The packages the tests and the provisioning steps after this one need, in one apt run.</summary>
    public static Task EnsurePackagesAsync(ISlipwayBuild build, CancellationToken cancellation) =>
        RunAsync(build, build.RootDirectory / "tests" / "install-tools.sh", ["packages"], cancellation);

    /// <summary>Compose v2, the Compose v1 that Slipway must refuse, and the stand-in service images (needs the engine).</summary>
    public static Task EnsureServicesAsync(ISlipwayBuild build, CancellationToken cancellation) =>
        RunAsync(build, build.RootDirectory / "tests" / "install-tools.sh", ["services"], cancellation);

    /// <summary>Starts (or finds running) the current engine; returns its endpoint.</summary>
    public static async Task<string> EnsureCurrentEngineAsync(ISlipwayBuild build, CancellationToken cancellation)
    {
        var output = await RunAsync(build, build.RootDirectory / "provision" / "current-engine.sh", ["start"], cancellation);
        return output.LastOrDefault(line => line.StartsWith("CURRENT_ENGINE ", StringComparison.Ordinal))?.Split(' ')[1]
               ?? throw new SlipwayException("provision/current-engine.sh did not name the current engine's endpoint");
    }

    private static async Task<IReadOnlyList<string>> RunAsync(ISlipwayBuild build, string script, string[] arguments, CancellationToken cancellation)
    {
        var lastLine = "no output";
        var output = new List<string>();
        void Write(string line) // stdout and stderr lines arrive on two threads
        {
            lock (output)
            {
                lastLine = line;
                output.Add(line);
            }
            build.Log.Information("{Line}", line);
        }
        var exitCode = await Tool.RunAsync(new ToolRun("bash", [script, .. arguments]) { Environment = build.EnvironmentVariables }, Write, Write, cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"{Path.GetRelativePath(build.RootDirectory, script)} failed with exit code {exitCode}: {lastLine}");
        lock (output)
            return output.ToArray();
    }
}
