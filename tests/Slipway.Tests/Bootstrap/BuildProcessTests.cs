using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Tests.Bootstrap;

/// <summary>Real <c>./build.sh</c> processes in a fixture checkout: signals, two builds at once, a damaged compiled build.</summary>
[Trait("Category", "Process")]
public sealed class BuildProcessTests(CompiledCheckout compiled) : IClassFixture<CompiledCheckout>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private FixtureCheckout Checkout => compiled.Checkout;

    [Fact]
    public async Task SIGTERM_cancels_the_running_target_runs_the_assured_one_prints_the_summary_and_exits_non_zero()
    {
        Clean("long-started", "long-finished", "cleanup-ran");
        using var build = Checkout.Start("Long", "--seconds", "120", "--no-logo");
        Assert.True(await build.WaitForAsync(() => File.Exists(Path.Combine(Checkout.Temp, "long-started")), Patience), build.Output + build.Errors);

        build.Signal("TERM");
        await build.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("Target Long was cancelled", build.Output);
        Assert.Matches(new Regex(@"^Long\s+Cancelled\s", RegexOptions.Multiline), build.Output);
        Assert.Matches(new Regex(@"^Cleanup\s+Succeeded\s", RegexOptions.Multiline), build.Output);
        Assert.Matches(new Regex(@"^Build failed in ", RegexOptions.Multiline), build.Output);
        Assert.True(File.Exists(Path.Combine(Checkout.Temp, "cleanup-ran")));
        Assert.False(File.Exists(Path.Combine(Checkout.Temp, "long-finished")));
    }

    [Fact]
    public async Task A_second_build_waits_for_the_first_naming_its_process_and_both_counts_and_the_log_survive()
    {
        Clean("count");
        using var first = Checkout.Start("Count", "--pause", "10", "--no-logo");
        Assert.True(await first.WaitForAsync(() => File.Exists(Path.Combine(Checkout.Temp, "count-started-" + first.Id)), Patience), first.Output + first.Errors);

        using var help = await Checkout.RunAsync("--help"); // help and plan take no lock
        using var second = Checkout.Start("Count", "--no-logo");
        Assert.True(await second.WaitForAsync(() => second.Output.Contains("Waiting for"), Patience), second.Output + second.Errors);
        Assert.False(first.HasExited, "the first build ended before the second could wait for it: make Count slower");
        await first.WaitAsync(Patience);
        await second.WaitAsync(Patience);

        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotContain("Waiting", help.Output);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var waiting = Assert.Single(second.Output.Split('\n'), line => line.StartsWith("Waiting for", StringComparison.Ordinal));
        Assert.Equal($"Waiting for the build in process {first.Id} to finish (.nuke/temp/build.lock; --no-wait fails instead) ...", waiting);
        Assert.Equal("2", File.ReadAllText(Path.Combine(Checkout.Temp, "count")));
        var log = File.ReadAllLines(Path.Combine(Checkout.Temp, "build.log"));
        Assert.All(log, line => JsonDocument.Parse(line).Dispose()); // one whole record per line
        Assert.Equal(300, log.Count(line => line.Contains("counting")));
        Assert.Contains(log, line => line.Contains("\"Build {Outcome} in {Duration}\"") && line.Contains("succeeded"));
    }

    [Fact]
    public async Task With_no_wait_a_second_build_fails_at_once_naming_the_first()
    {
        using var first = Checkout.Start("Long", "--seconds", "120", "--no-logo");
        Assert.True(await first.WaitForAsync(() => File.Exists(Path.Combine(Checkout.Temp, "build.lock.owner")), Patience), first.Output + first.Errors);

        using var second = await Checkout.RunAsync("Long", "--no-wait", "--no-logo");
        first.Signal("TERM");
        await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, second.ExitCode);
        Assert.Equal(
            $"error: another build (process {first.Id}) is running in this checkout, and --no-wait does not wait for it",
            second.Output.Trim());
    }

    [Fact]
    public async Task A_truncated_compiled_build_is_compiled_again_once_with_one_line_saying_so()
    {
        using var copy = Checkout.Copy();
        var dll = Path.Combine(copy.Temp, "build-bin", "_build.dll");
        using (var file = new FileStream(dll, FileMode.Open))
            file.SetLength(file.Length / 2);

        using var healed = await copy.RunAsync("--help");
        using var after = await copy.RunAsync("--help");

        Assert.Equal(0, healed.ExitCode);
        Assert.Equal(
            "The compiled build does not load (_build.dll in .nuke/temp/build-bin changed after it was compiled): compiling it again ...",
            healed.Errors.Trim());
        Assert.Contains("Long", healed.Output);
        Assert.DoesNotContain("BadImageFormatException", healed.Output + healed.Errors);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("", after.Errors.Trim());
    }

    [PowerShellFact]
    public async Task Under_PowerShell_a_truncated_compiled_build_is_compiled_again_once_with_one_line_saying_so()
    {
        using var copy = Checkout.Copy();
        using var compiled = await copy.RunPowerShellAsync("--help"); // build.ps1 keeps its own stamp: it compiles once
        Assert.True(compiled.ExitCode == 0, compiled.Output + compiled.Errors);
        Assert.Equal("Compiling the build project ...", compiled.Errors.Trim());
        var dll = Path.Combine(copy.Temp, "build-bin", "_build.dll");
        using (var file = new FileStream(dll, FileMode.Open))
            file.SetLength(file.Length / 2);

        using var healed = await copy.RunPowerShellAsync("--help");
        using var after = await copy.RunPowerShellAsync("--help");

        Assert.True(healed.ExitCode == 0, healed.Output + healed.Errors);
        Assert.Equal(
            "The compiled build does not load (_build.dll in .nuke/temp/build-bin changed after it was compiled): compiling it again ...",
            healed.Errors.Trim());
        Assert.Contains("Long", healed.Output);
        Assert.DoesNotContain("BadImageFormatException", healed.Output + healed.Errors);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal("", after.Errors.Trim());
    }

    private void Clean(params string[] names)
    {
        foreach (var name in names)
            File.Delete(Path.Combine(Checkout.Temp, name));
    }
}
