using System.Diagnostics;

namespace Slipway.Tool.Tests.Support;

/// <summary>Runs a program to its end with no terminal (stdin closed), capturing its output.</summary>
public static class Run
{
    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Duration)
    {
        public string All => Output + Error;

        public Result Succeeded(string what)
        {
            Assert.True(ExitCode == 0, $"{what} exited with {ExitCode}:\n{Output}\n{Error}");
            return this;
        }
    }

    public static Result Program(string directory, string program, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // A dotnet started from inside the test host must not inherit the host's MSBuild settings (but for the run's
        // MSBUILDDISABLENODEREUSE: its nodes would keep the run's TMPDIR, removed after it).
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                     && name != "MSBUILDDISABLENODEREUSE").ToArray())
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            start.Environment[name] = value;
        var watch = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(" ", arguments)} did not finish in time");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result, watch.Elapsed);
    }

    public static Result Git(string directory, params string[] arguments) =>
        Program(directory, "git", arguments).Succeeded("git " + string.Join(" ", arguments));
}
