using Slipway.Planning;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Planning;

public sealed class PlannerTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    private sealed class ChainBuild : SlipwayBuild
    {
        public static bool Publishable { get; set; } = true;
        Target Clean => _ => _.Before(Restore).Executes(() => { });
        Target Restore => _ => _.Executes(() => { });
        Target Compile => _ => _.DependsOn(Restore).Executes(() => { });
        Target Test => _ => _.DependsOn(Compile).Triggers(Report).Executes(() => { });
        Target Report => _ => _.Executes(() => { });
        Target Pack => _ => _.DependsOn(Compile).After(Test).Executes(() => { });
        Target Publish => _ => _.DependsOn(Pack).OnlyWhenStatic(() => Publishable).Executes(() => { });
        Target All => _ => _.DependsOn(Test, Publish);
    }

    private sealed class CycleBuild : SlipwayBuild
    {
        Target A => _ => _.DependsOn(C).Executes(() => { });
        Target B => _ => _.DependsOn(A).Executes(() => { });
        Target C => _ => _.DependsOn(B).Executes(() => { });
        Target D => _ => _.DependsOn(A).Executes(() => { });
    }

    private static string[] Names(Plan plan) => plan.Steps.Select(step => step.Target.Name).ToArray();

    [Fact]
    public void Dependencies_come_first_and_the_reason_says_who_pulled_them_in()
    {
        var plan = _harness.Plan(new ChainBuild(), "compile");

        Assert.Equal(["Restore", "Compile"], Names(plan));
        Assert.Equal("dependency of Compile", plan.Steps[0].Reason);
        Assert.Equal("invoked", plan.Steps[1].Reason);
    }

    [Fact]
    public void Ordering_edges_order_but_never_pull_a_target_in()
    {
        Assert.DoesNotContain("Clean", Names(_harness.Plan(new ChainBuild(), "Compile")));
        Assert.Equal(["Clean", "Restore", "Compile"], Names(_harness.Plan(new ChainBuild(), "Compile", "Clean")));
        Assert.Equal(["Restore", "Compile", "Test", "Pack", "Report"], Names(_harness.Plan(new ChainBuild(), "Pack", "Test")));
    }

    [Fact]
    public void Triggered_targets_are_pulled_in_and_run_after_their_trigger()
    {
        var plan = _harness.Plan(new ChainBuild(), "Test");

        Assert.Equal(["Restore", "Compile", "Test", "Report"], Names(plan));
        Assert.Equal("triggered by Test", plan.Steps[3].Reason);
    }

    [Fact]
    public void Names_match_ignoring_case_and_dashes()
    {
        Assert.Equal("Compile", _harness.Plan(new ChainBuild(), "co-mPile").Steps[^1].Target.Name);
    }

    [Fact]
    public void An_unknown_target_lists_the_available_ones_and_the_closest()
    {
        var error = Assert.Throws<SlipwayException>(() => _harness.Plan(new ChainBuild(), "Complie"));

        Assert.Contains("unknown target 'Complie'", error.Message);
        Assert.Contains("Did you mean Compile?", error.Message);
        Assert.Contains("Restore, Compile, Test", error.Message);
    }

    [Fact]
    public void A_cycle_fails_naming_every_target_in_it()
    {
        var error = Assert.Throws<SlipwayException>(() => _harness.Plan(new CycleBuild(), "D"));

        Assert.Contains("cycle", error.Message);
        foreach (var name in new[] { "A", "B", "C" })
            Assert.Contains(name, error.Message.Split(' ', '-', '>', ':'));
        Assert.DoesNotContain(" D", error.Message);
    }

    [Fact]
    public void A_false_static_condition_skips_with_its_text_and_the_dependencies_only_it_needs()
    {
        ChainBuild.Publishable = false;
        try
        {
            var plan = _harness.Plan(new ChainBuild(), "All");
            var skips = plan.Steps.ToDictionary(step => step.Target.Name, step => step.SkipReason);

            Assert.Equal("condition false: ChainBuild.Publishable", skips["Publish"]);
            Assert.Equal("only needed by skipped Publish", skips["Pack"]);
            Assert.Null(skips["Compile"]);
            Assert.Null(skips["Test"]);
        }
        finally
        {
            ChainBuild.Publishable = true;
        }
    }

    [Fact]
    public void Skip_without_names_skips_all_but_the_invoked_targets()
    {
        var plan = _harness.Plan(new ChainBuild(), new SkipRequest(true, []), "Compile");

        Assert.Equal("skipped by --skip", plan.Steps.Single(step => step.Target.Name == "Restore").SkipReason);
        Assert.Null(plan.Steps.Single(step => step.Target.Name == "Compile").SkipReason);
    }

    [Fact]
    public void Skip_with_names_skips_only_those()
    {
        var plan = _harness.Plan(new ChainBuild(), new SkipRequest(false, ["restore"]), "Compile");

        Assert.Equal("skipped by --skip", plan.Steps[0].SkipReason);
        Assert.Null(plan.Steps[1].SkipReason);
    }

    public void Dispose() => _harness.Dispose();
}
