namespace Slipway.Targets;

/// <summary>A reference to another target as declared: a target of this class, or one selected from a component interface.</summary>
internal sealed record TargetReference(Target? Direct, Type? Component, Func<object, Target>? Selector, bool Optional)
{
    public static TargetReference To(Target target) => new(target, null, null, false);

    public static TargetReference To<TComponent>(Func<TComponent, Target> selector, bool optional) =>
        new(null, typeof(TComponent), build => selector((TComponent)build), optional);
}
