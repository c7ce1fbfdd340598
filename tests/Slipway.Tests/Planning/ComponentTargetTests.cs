using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Planning;

public interface IRestoreComponent : ISlipwayBuild
{
    Target Restore => _ => _.Description("Restores").Executes(() => { });
}

public interface IPackComponent : IRestoreComponent
{
    Target Pack => _ => _.DependsOn<IRestoreComponent>(x => x.Restore).TryDependsOn<IMissingComponent>(x => x.Sign).Executes(() => { });
}

public interface IMissingComponent : ISlipwayBuild
{
    Target Sign => _ => _.Executes(() => { });
}

public sealed class ComponentTargetTests : IDisposable
{
    private readonly EngineHarness _harness = new();

    private sealed class ComposedBuild : SlipwayBuild, IPackComponent
    {
        Target Ship => _ => _.DependsOn<IPackComponent>(x => x.Pack).Executes(() => { });
    }

    private sealed class BrokenBuild : SlipwayBuild, IRestoreComponent
    {
        Target Sign => _ => _.DependsOn<IMissingComponent>(x => x.Sign).Executes(() => { });
    }

    [Fact]
    public void Targets_of_implemented_components_are_collected_and_referenced_across_components()
    {
        var plan = _harness.Plan(new ComposedBuild(), "Ship");

        Assert.Equal(["Restore", "Pack", "Ship"], plan.Steps.Select(step => step.Target.Name));
        Assert.Equal("Restores", plan.Steps[0].Target.Description);
    }

    [Fact]
    public void A_required_reference_to_a_component_the_build_lacks_fails_clearly()
    {
        var error = Assert.Throws<SlipwayException>(() => _harness.Plan(new BrokenBuild(), "Sign"));

        Assert.Equal("target Sign refers to a target of IMissingComponent, which the build class does not implement", error.Message);
    }

    public void Dispose() => _harness.Dispose();
}
