using Slipway;
using Slipway.Processes;

/// <summary>Runs <c>tests/install-tools.sh</c>: the registry, skopeo, htpasswd and Node.js the integration tests use.</summary>
internal static class TestTools
{
    public static async Task EnsureAsync(ISlipwayBuild build, CancellationToken cancellation)
    {
        var script = build.RootDirectory / "tests" / "install-tools.sh";
        var lastLine = "no output";
        void Write(string line)
        {
            lastLine = line;
            build.Log.Information("{Line}", line);
        }
        var exitCode = await Tool.RunAsync(new ToolRun("bash", [script.ToString()]) { Environment = build.EnvironmentVariables }, Write, Write, cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"tests/install-tools.sh failed with exit code {exitCode}: {lastLine}");
    }
}
