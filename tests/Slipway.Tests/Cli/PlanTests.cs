using Slipway.Tests.Support;

namespace Slipway.Tests.Cli;

public sealed class PlanTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Plan_shows_the_order_why_each_target_is_in_it_and_what_would_be_skipped()
    {
        var build = new SampleBuild();

        var run = await BuildRun.RunAsync<SampleBuild>(_root, ["--plan", "Publish", "--skip", "Restore", "--no-logo"], b => b.Test, build: build);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(build.Ran);
        Snapshot.Match(run.Output, "plan.txt");
    }

    [Fact]
    public async Task Plan_draws_a_self_contained_page_that_opens_offline()
    {
        await BuildRun.RunAsync<SampleBuild>(_root, ["Publish", "--plan", "--skip", "Restore"], b => b.Test);

        var page = _root.Read(".nuke/temp/plan.html");
        Assert.Contains("<svg", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("<link", page);
        Assert.DoesNotContain("https://", page);
        Snapshot.Match(page, "plan.html");
    }
}
