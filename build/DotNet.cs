using Slipway;
using Slipway.Processes;

/// <summary>Runs the <c>dotnet</c> that runs this build, streaming its output into the build's log, with a temporary
/// directory of its own (<see cref="DotNetTemporaryDirectory"/>).</summary>
internal static class DotNet
{
    public static async Task RunAsync(ISlipwayBuild build, CancellationToken cancellation, params string[] arguments)
    {
        build.Log.Information("> dotnet {Arguments}", string.Join(" ", arguments));
        using var temporary = DotNetTemporaryDirectory.Create();
        var run = new ToolRun(Environment.ProcessPath ?? "dotnet", arguments)
        {
            WorkingDirectory = build.RootDirectory, Environment = build.EnvironmentVariables, Variables = temporary.Variables,
        };
        var exitCode = await Tool.RunAsync(run, line => Write(build, line), line => Write(build, line), cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"dotnet {arguments[0]} exited with code {exitCode}");
    }

    /// <summary>Compiler and MSBuild diagnostics keep their level, so they reach the recap and GitHub annotations.</summary>
    private static void Write(ISlipwayBuild build, string line)
    {
        if (line.Contains(": error ", StringComparison.Ordinal))
            build.Log.Error("{Line}", line.Trim());
        else if (line.Contains(": warning ", StringComparison.Ordinal))
            build.Log.Warning("{Line}", line.Trim());
        else
            build.Log.Information("{Line}", line);
    }
}
