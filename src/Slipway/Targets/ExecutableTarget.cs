using Slipway.Targets.Incremental;

namespace Slipway.Targets;

/// <summary>A target after collection: its name, what it declared, and its edges resolved to other targets.</summary>
internal sealed class ExecutableTarget(string name, TargetDefinition definition)
{
    public string Name { get; } = name;

    public TargetDefinition Definition { get; } = definition;

    public string? Description => Definition.DescriptionText;

    public bool Listed => !Definition.IsUnlisted;

    /// <summary>The target's preview with the current parameters; a preview that fails shows why instead.</summary>
    public string? Preview()
    {
        try
        {
            return Definition.PreviewText?.Invoke();
        }
        catch (SlipwayException exception)
        {
            return $"(no preview: {exception.Message})";
        }
    }

    /// <summary>For <c>--plan</c>: a preview that cannot be made with these parameters is an error naming the target.</summary>
    public void ThrowIfPreviewFails()
    {
        try
        {
            Definition.PreviewText?.Invoke();
        }
        catch (SlipwayException exception)
        {
            throw new SlipwayException($"target {Name}: {exception.Message}", exception);
        }
    }

    /// <summary>A target with no <c>Executes</c> only groups its dependencies.</summary>
    public bool IsGroup => Definition.Actions.Count == 0;

    /// <summary>Run before this one and pulled in by it (its DependsOn and others' DependentFor).</summary>
    public List<ExecutableTarget> Dependencies { get; } = [];

    /// <summary>Run before this one when both are planned (its After and others' Before); never pulled in.</summary>
    public List<ExecutableTarget> OrderedAfter { get; } = [];

    /// <summary>Pulled in and run after this one (its Triggers and others' TriggeredBy).</summary>
    public List<ExecutableTarget> Triggers { get; } = [];

    public override string ToString() => Name;
}
