namespace Slipway.Containers.Engine;

/// <summary>What a finished build left in the engine: the image ID, its names, and the steps it ran.</summary>
public sealed record BuiltImage(string Id, IReadOnlyList<string> Tags, TimeSpan Duration, IReadOnlyList<BuildStep> Steps)
{
    /// <summary>How many steps the engine took from its cache.</summary>
    public int CachedSteps => Steps.Count(step => step.Cached);
}
