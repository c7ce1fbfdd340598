using System.Text.RegularExpressions;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Stops;

public sealed partial class StopTests
{
    [Fact]
    public async Task SIGTERM_during_BuildBuilderImage_leaves_no_builder_image_no_record_and_no_running_step_and_the_next_run_rebuilds()
    {
        using var checkout = compiled.Checkout.Copy();
        var marker = Marker();
        ServiceFiles.WriteTo(checkout, ServiceFiles.SleepingStep(marker, 20));

        using (var build = checkout.Start("BuildAppImage"))
        {
            Assert.True(await build.WaitForAsync(() => ServiceFiles.StepIsRunning(marker), Patience), build.Output);
            build.Signal("TERM");
            await build.WaitAsync(AfterSignal);

            AssertCancelled(build, "BuildBuilderImage");
            Assert.Matches(new Regex(@"^BuildAppImage\s+Not run\s", RegexOptions.Multiline), build.Output);
        }
        Assert.Empty(await checkout.EngineTagsAsync());
        var inputs = Path.Combine(checkout.Temp, "inputs");
        Assert.Empty(Directory.Exists(inputs) ? Directory.GetFiles(inputs).Select(Path.GetFileName) : []); // no input records
        Assert.True(await EventuallyAsync(() => !ServiceFiles.StepIsRunning(marker), TimeSpan.FromSeconds(15)),
            "the builder step still runs after the build ended");
        var containers = await ProcessRunner.RunCheckedAsync("docker", ["ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Command}}"]);
        Assert.DoesNotContain(marker, containers.Text);

        using var next = await checkout.RunAsync("BuildAppImage");
        Assert.True(next.ExitCode == 0, next.Output);
        Assert.Contains("BuildBuilderImage runs: no record of a previous run", next.Output);
        Assert.Matches(new Regex(@"^BuildBuilderImage\s+Succeeded\s+\S+\s+built linux/amd64 deps-", RegexOptions.Multiline), next.Output);
        Assert.Contains(await checkout.EngineTagsAsync(), tag => tag.StartsWith(checkout.ImageName + "-builder:deps-", StringComparison.Ordinal));
    }
}
