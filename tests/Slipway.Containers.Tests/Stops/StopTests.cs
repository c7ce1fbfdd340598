using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Stops;

/// <summary>Real <c>./build.sh</c> processes of a service checkout on the real engine (and a real registry): SIGTERM
/// while a builder step runs and while a push sends bytes, and two builds started together. Whatever is stopped
/// leaves nothing half-done: no image or tag, no record that would make the next run think it is up to date.</summary>
[Collection("engine")]
[Trait("Category", "Process")]
public sealed partial class StopTests(CompiledService compiled, ITestOutputHelper output) : IClassFixture<CompiledService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AfterSignal = TimeSpan.FromSeconds(60);

    /// <summary>What SIGTERM does to any target, as Ctrl-C: it is cancelled, the assured clean-up runs, the summary is
    /// printed and the exit code is 1.</summary>
    private void AssertCancelled(ScriptProcess build, string target)
    {
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 1, build.Output);
        Assert.Contains($"Target {target} was cancelled", build.Output);
        Assert.Matches(new Regex($@"^{target}\s+Cancelled\s", RegexOptions.Multiline), build.Output);
        Assert.Matches(new Regex(@"^Cleanup\s+Succeeded\s", RegexOptions.Multiline), build.Output);
        Assert.Matches(new Regex(@"^Build failed in ", RegexOptions.Multiline), build.Output);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                return condition();
            await Task.Delay(100);
        }
        return true;
    }

    private static string Marker() => "slipway-stops-" + Guid.NewGuid().ToString("N")[..10];
}
