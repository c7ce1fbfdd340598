using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Tests.Stops;

public sealed partial class StopTests
{
    [Fact]
    public async Task Two_BuildAppImage_runs_in_one_checkout_take_turns_the_builder_is_built_once_and_the_log_keeps_whole_records()
    {
        using var checkout = compiled.Checkout.Copy();
        var marker = Marker();
        ServiceFiles.WriteTo(checkout, ServiceFiles.SleepingStep(marker, 8));
        var owner = Path.Combine(checkout.Temp, "build.lock.owner");

        using var first = checkout.Start("BuildAppImage");
        Assert.True(await first.WaitForAsync(() => File.Exists(owner) && File.ReadAllText(owner).Trim() == first.Id.ToString(), Patience),
            first.Output);
        using var second = checkout.Start("BuildAppImage");
        Assert.True(await second.WaitForAsync(() => second.Output.Contains("Waiting for"), Patience), second.Output);
        Assert.False(first.HasExited, "the first build ended before the second could wait for it: make its step slower");
        await first.WaitAsync(Patience);
        await second.WaitAsync(Patience);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        var waiting = Assert.Single(second.Output.Split('\n'), line => line.StartsWith("Waiting for", StringComparison.Ordinal));
        Assert.Equal($"Waiting for the build in process {first.Id} to finish (.nuke/temp/build.lock; --no-wait fails instead) ...", waiting);
        Assert.Matches(new Regex(@"^BuildBuilderImage\s+Succeeded\s+\S+\s+built linux/amd64 deps-", RegexOptions.Multiline), first.Output);
        Assert.Matches(new Regex(@"^BuildBuilderImage\s+Up to date\s", RegexOptions.Multiline), second.Output);
        Assert.Single(Regex.Matches(first.Output + second.Output, $@"\[step\] #\d+ \S+ RUN echo {marker}"));

        var log = File.ReadAllLines(Path.Combine(checkout.Temp, "build.log"));
        Assert.All(log, line => JsonDocument.Parse(line).Dispose()); // one whole record per line
        // the log is the last build's (the waiting one opens it only once it runs), and nothing of the first is merged into it
        Assert.Single(log, line => line.Contains("\"Build {Outcome} in {Duration}\"") && line.Contains("succeeded"));
        Assert.Contains(log, line => line.Contains("{Target} is up to date") && line.Contains("BuildBuilderImage"));
    }
}
