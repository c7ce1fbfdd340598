using System.Linq.Expressions;
using Slipway.Targets.Incremental;
using Slipway.Targets.Values;

namespace Slipway.Targets;

/// <summary>What a target's fluent declaration recorded; the collector resolves the references to targets.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public Func<string?>? PreviewText { get; private set; }
    public List<TargetReference> DependsOnTargets { get; } = [];
    public List<TargetReference> DependentForTargets { get; } = [];
    public List<TargetReference> AfterTargets { get; } = [];
    public List<TargetReference> BeforeTargets { get; } = [];
    public List<TargetReference> TriggersTargets { get; } = [];
    public List<TargetReference> TriggeredByTargets { get; } = [];
    public List<TargetCondition> StaticConditions { get; } = [];
    public List<TargetCondition> DynamicConditions { get; } = [];
    public List<TargetRequirement> Requirements { get; } = [];
    public DependencyBehavior SkippedDependencies { get; private set; } = DependencyBehavior.Skip;
    public bool ProceedsAfterFailure { get; private set; }
    public bool IsAssuredAfterFailure { get; private set; }
    public bool IsUnlisted { get; private set; }
    public Func<InputSetBuilder, InputSetBuilder>? InputDeclaration { get; private set; }
    public Func<InputSet, ValuePublisher, CancellationToken, Task<bool>>? OutputExists { get; private set; }
    public Type? UpToDateValueType { get; private set; }
    public List<Type> ProducedTypes { get; } = [];
    public List<Type> ConsumedTypes { get; } = [];
    public List<Func<CancellationToken, Task>> ReportActions { get; } = [];
    public List<Func<IEnumerable<string>>> InputPathDeclarations { get; } = [];
    public Func<InputSet, CancellationToken, Task<InputSet?>>? PreviousInputs { get; private set; }
    public List<Func<ValuePublisher, CancellationToken, Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description) => Set(() => DescriptionText = description);

    public ITargetDefinition Preview(Func<string?> preview) => Set(() => PreviewText = preview);

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);
    public ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, targets, false);
    public ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) => Add(DependsOnTargets, targets, true);
    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);
    public ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) => Add(DependentForTargets, targets, false);
    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);
    public ITargetDefinition After<T>(params Func<T, Target>[] targets) => Add(AfterTargets, targets, false);
    public ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) => Add(AfterTargets, targets, true);
    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);
    public ITargetDefinition Before<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, targets, false);
    public ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) => Add(BeforeTargets, targets, true);
    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);
    public ITargetDefinition Triggers<T>(params Func<T, Target>[] targets) => Add(TriggersTargets, targets, false);
    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);
    public ITargetDefinition TriggeredBy<T>(params Func<T, Target>[] targets) => Add(TriggeredByTargets, targets, false);

    public ITargetDefinition OnlyWhenStatic(Expression<Func<bool>> condition) =>
        Set(() => StaticConditions.Add(new TargetCondition(condition.Compile(), ExpressionText.Of(condition))));

    public ITargetDefinition OnlyWhenDynamic(Expression<Func<bool>> condition) =>
        Set(() => DynamicConditions.Add(new TargetCondition(condition.Compile(), ExpressionText.Of(condition))));

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
    {
        // compiled when the requirement is checked: every build defines all its targets, but plans only some
        var read = new Lazy<Func<T>>(parameter.Compile);
        return Set(() => Requirements.Add(new TargetRequirement(() => HasValue(read.Value()), ExpressionText.MemberName(parameter), true)));
    }

    public ITargetDefinition Requires(Expression<Func<bool>> condition)
    {
        var evaluate = new Lazy<Func<bool>>(condition.Compile);
        return Set(() => Requirements.Add(new TargetRequirement(() => evaluate.Value(), ExpressionText.Of(condition), false)));
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior behavior) => Set(() => SkippedDependencies = behavior);
    public ITargetDefinition ProceedAfterFailure() => Set(() => ProceedsAfterFailure = true);
    public ITargetDefinition AssuredAfterFailure() => Set(() => IsAssuredAfterFailure = true);
    public ITargetDefinition Unlisted() => Set(() => IsUnlisted = true);

    public ITargetDefinition Inputs(Func<InputSetBuilder, InputSetBuilder> inputs) => Set(() => InputDeclaration = inputs);

    public ITargetDefinition InputPaths(Func<IEnumerable<string>> globs) => Set(() => InputPathDeclarations.Add(globs));

    public ITargetDefinition UpToDateWhen(Func<InputSet, CancellationToken, Task<bool>> outputExists) =>
        Set(() => OutputExists = (inputs, _, cancellation) => outputExists(inputs, cancellation));

    public ITargetDefinition UpToDateWhen(Func<InputSet, bool> outputExists) =>
        Set(() => OutputExists = (inputs, _, _) => Task.FromResult(outputExists(inputs)));

    public ITargetDefinition UpToDateWhen<T>(Func<InputSet, CancellationToken, Task<T?>> existingOutput) where T : class =>
        Set(() =>
        {
            UpToDateValueType = typeof(T);
            OutputExists = async (inputs, publish, cancellation) =>
            {
                if (await existingOutput(inputs, cancellation) is not { } existing)
                    return false;
                publish(typeof(T), existing);
                return true;
            };
        });

    public ITargetDefinition Produces<T>(Func<CancellationToken, Task<T>> make) where T : class =>
        Set(() =>
        {
            if (ProducedTypes.Contains(typeof(T)))
                throw new SlipwayException($"a target declares Produces<{typeof(T).Name}> twice");
            ProducedTypes.Add(typeof(T));
            Actions.Add(async (publish, cancellation) => publish(typeof(T), await make(cancellation)));
        });

    public ITargetDefinition Produces<T>(Func<T> make) where T : class => Produces(_ => Task.FromResult(make()));

    public ITargetDefinition Consumes<T>() where T : class => Set(() =>
    {
        if (!ConsumedTypes.Contains(typeof(T)))
            ConsumedTypes.Add(typeof(T));
    });

    public ITargetDefinition Reports(Func<CancellationToken, Task> report) => Set(() => ReportActions.Add(report));

    public ITargetDefinition PreviousInputsFrom(Func<InputSet, CancellationToken, Task<InputSet?>> previous) =>
        Set(() => PreviousInputs = previous);

    public ITargetDefinition When(bool condition, Func<ITargetDefinition, ITargetDefinition> configure) =>
        condition ? configure(this) : this;

    public ITargetDefinition Executes(Action action) =>
        Set(() => Actions.Add((_, _) => { action(); return Task.CompletedTask; }));

    public ITargetDefinition Executes(Func<Task> action) => Set(() => Actions.Add((_, _) => action()));

    public ITargetDefinition Executes(Func<CancellationToken, Task> action) => Set(() => Actions.Add((_, cancellation) => action(cancellation)));

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        System.Collections.ICollection collection => collection.Count > 0,
        _ => true,
    };

    private TargetDefinition Add(List<TargetReference> list, Target[] targets) =>
        Set(() => list.AddRange(targets.Select(TargetReference.To)));

    private TargetDefinition Add<T>(List<TargetReference> list, Func<T, Target>[] targets, bool optional) =>
        Set(() => list.AddRange(targets.Select(selector => TargetReference.To(selector, optional))));

    private TargetDefinition Set(Action change)
    {
        change();
        return this;
    }
}
