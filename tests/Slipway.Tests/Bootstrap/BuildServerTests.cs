using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Slipway.Tests.Bootstrap;

/// <summary>The build server with real <c>./build.sh</c> processes in a fixture checkout: which run starts one, which
/// runs it serves (told by the process id the fixture's <c>Where</c> target prints), their output, exit codes and
/// cancellation, and how a server ends.</summary>
[Trait("Category", "Process")]
public sealed partial class BuildServerTests(CompiledCheckout compiled) : IClassFixture<CompiledCheckout>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private FixtureCheckout Checkout => compiled.Checkout;
    private string ServerFolder => Path.Combine(Checkout.Temp, "build-server");

    [Fact]
    public async Task A_run_starts_a_server_that_serves_the_next_runs_with_their_output_exit_code_and_cancellation()
    {
        var environment = Asking("served");
        var before = ServerFiles();
        using var first = await Checkout.RunWithAsync(environment, "Where", "--no-logo");
        Assert.True(first.ExitCode == 0, first.Output + first.Errors);
        Assert.Equal(first.Id, ProcessOf(first)); // build.sh exec'd the build itself
        var server = await NewServerAsync(before);

        using var second = await Checkout.RunWithAsync(environment, "Where", "--no-logo");
        using var failing = await Checkout.RunWithAsync(environment, "NoSuchTarget");
        var (piped, pipedOutput) = await RunPipedAsync(environment, "./build.sh --help | head -n 1");

        Assert.True(second.ExitCode == 0, second.Output + second.Errors);
        Assert.Equal(server.ProcessId, ProcessOf(second));
        Assert.Matches(new Regex(@"^Where\s+Succeeded\s", RegexOptions.Multiline), second.Output);
        Assert.Equal("", second.Errors);
        Assert.Equal(1, failing.ExitCode);
        Assert.StartsWith("error: unknown target 'NoSuchTarget'", failing.Output);
        Assert.Equal(0, piped);
        Assert.StartsWith("⚓ Slipway", pipedOutput);

        Clean("long-started", "long-finished", "cleanup-ran");
        using var build = Checkout.StartWith(environment, "Long", "--seconds", "120", "--no-logo");
        Assert.True(await build.WaitForAsync(() => File.Exists(Path.Combine(Checkout.Temp, "long-started")), Patience), build.Output + build.Errors);
        Assert.Equal(server.ProcessId.ToString(), File.ReadAllText(Path.Combine(Checkout.Temp, "long-started")));
        build.Signal("TERM");
        await build.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, build.ExitCode);
        Assert.Matches(new Regex(@"^Long\s+Cancelled\s", RegexOptions.Multiline), build.Output);
        Assert.Matches(new Regex(@"^Cleanup\s+Succeeded\s", RegexOptions.Multiline), build.Output);
        Assert.False(File.Exists(Path.Combine(Checkout.Temp, "long-finished")));
        Assert.Empty(Directory.GetFiles(ServerFolder, "*.exit"));
        Assert.False(Process.GetProcessById(server.ProcessId).HasExited);
    }

    [Fact]
    public async Task Another_environment_gets_its_own_server_and_no_server_starts_without_a_terminal_on_CI_or_when_turned_off()
    {
        var before = ServerFiles();
        using var noTerminal = await Checkout.RunWithAsync(new Dictionary<string, string>(), "Where", "--no-logo");
        using var onCi = await Checkout.RunWithAsync(new Dictionary<string, string> { ["CI"] = "true" }, "Where", "--no-logo");
        using var turnedOff = await Checkout.RunWithAsync(new Dictionary<string, string> { ["SLIPWAY_BUILD_SERVER"] = "0" }, "Where", "--no-logo");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a server would have written its file by now

        foreach (var run in new[] { noTerminal, onCi, turnedOff })
        {
            Assert.True(run.ExitCode == 0, run.Output + run.Errors);
            Assert.Equal(run.Id, ProcessOf(run));
        }
        Assert.Equal(before, ServerFiles());

        var first = Asking("first");
        var other = Asking("other");
        using var startsFirst = await Checkout.RunWithAsync(first, "Where", "--no-logo");
        var firstServer = await NewServerAsync(before);
        using var startsOther = await Checkout.RunWithAsync(other, "Where", "--no-logo");
        var otherServer = await NewServerAsync([.. before, firstServer.File]);
        using var servedFirst = await Checkout.RunWithAsync(first, "Where", "--no-logo");
        using var servedOther = await Checkout.RunWithAsync(other, "Where", "--no-logo");

        Assert.Equal(startsOther.Id, ProcessOf(startsOther));
        Assert.NotEqual(firstServer.ProcessId, otherServer.ProcessId);
        Assert.Equal(firstServer.ProcessId, ProcessOf(servedFirst));
        Assert.Equal(otherServer.ProcessId, ProcessOf(servedOther));
    }

    [Fact]
    public async Task A_dead_servers_file_gives_way_to_a_run_in_the_process_and_a_server_whose_file_is_removed_ends()
    {
        var environment = Asking("dead");
        var before = ServerFiles();
        using var starts = await Checkout.RunWithAsync(environment, "Where", "--no-logo");
        var killed = await NewServerAsync(before);
        using (var process = Process.GetProcessById(killed.ProcessId))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        using var afterDeath = await Checkout.RunWithAsync(environment, "Where", "--no-logo");
        Assert.True(afterDeath.ExitCode == 0, afterDeath.Output + afterDeath.Errors);
        Assert.Equal(afterDeath.Id, ProcessOf(afterDeath));
        var replacement = await NewServerAsync(before, except: killed.ProcessId);

        using var server = Process.GetProcessById(replacement.ProcessId);
        File.Delete(replacement.File);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await server.WaitForExitAsync(limit.Token);
        Assert.True(server.HasExited);
    }

    public void Dispose()
    {
        foreach (var file in ServerFiles())
            File.Delete(file); // their servers end within a second or two
    }

    private static Dictionary<string, string> Asking(string key) =>
        new() { ["SLIPWAY_BUILD_SERVER"] = "1", ["SLIPWAY_SERVER_TEST"] = key };

    private string[] ServerFiles() =>
        Directory.Exists(ServerFolder) ? [.. Directory.GetFiles(ServerFolder, "*.server").Order()] : [];

    /// <summary>The server that wrote a file not among <paramref name="before"/> (and is not <paramref name="except"/>).</summary>
    private async Task<(string File, int ProcessId)> NewServerAsync(IReadOnlyCollection<string> before, int except = 0)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            foreach (var file in ServerFiles().Except(before))
            {
                var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.TrimEntries);
                if (fields.Length == 4 && int.Parse(fields[3]) is var processId && processId != except)
                    return (file, processId);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"no build server wrote its file in {ServerFolder}");
    }

    private static int ProcessOf(BuildProcess run) =>
        int.Parse(RunByProcess().Match(run.Output) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException("no process named:\n" + run.Output));

    /// <summary>A shell command line in the checkout (a pipe), its exit code and output.</summary>
    private async Task<(int ExitCode, string Output)> RunPipedAsync(IReadOnlyDictionary<string, string> environment, string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", "set -o pipefail; " + command])
        {
            WorkingDirectory = Checkout.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "GITHUB_ACTIONS", "CI", "SLIPWAY_UPDATE_SNAPSHOTS", "SLIPWAY_BUILD_SERVER" })
            start.Environment.Remove(name); // as BuildProcess does: the same environment finds the same server
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private void Clean(params string[] names)
    {
        foreach (var name in names)
            File.Delete(Path.Combine(Checkout.Temp, name));
    }

    [GeneratedRegex(@"run by process (\d+)")]
    private static partial Regex RunByProcess();
}
