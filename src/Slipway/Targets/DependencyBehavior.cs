namespace Slipway.Targets;

/// <summary>What happens to a skipped target's dependencies that nothing else in the plan needs.</summary>
public enum DependencyBehavior
{
    /// <summary>They are skipped as well (the default).</summary>
    Skip,

    /// <summary>They run anyway.</summary>
    Execute,
}
