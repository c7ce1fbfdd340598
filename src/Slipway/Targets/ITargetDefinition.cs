using System.Linq.Expressions;
using Slipway.Targets.Incremental;

namespace Slipway.Targets;

/// <summary>The fluent surface a target is declared with.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>These targets run before this one and are pulled into the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);
    ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets);
    /// <summary>Like <see cref="DependsOn{TComponent}"/>, ignored when the build does not implement the component.</summary>
    ITargetDefinition TryDependsOn<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>This target runs before these and is pulled in by them.</summary>
    ITargetDefinition DependentFor(params Target[] targets);
    ITargetDefinition DependentFor<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>Ordering only: when both are in the plan, this one runs after these.</summary>
    ITargetDefinition After(params Target[] targets);
    ITargetDefinition After<TComponent>(params Func<TComponent, Target>[] targets);
    ITargetDefinition TryAfter<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>Ordering only: when both are in the plan, this one runs before these.</summary>
    ITargetDefinition Before(params Target[] targets);
    ITargetDefinition Before<TComponent>(params Func<TComponent, Target>[] targets);
    ITargetDefinition TryBefore<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>These targets are pulled in and run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);
    ITargetDefinition Triggers<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>This target is pulled in and runs after any of these.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);
    ITargetDefinition TriggeredBy<TComponent>(params Func<TComponent, Target>[] targets);

    /// <summary>Checked for the whole plan before anything runs; the expression's text is the skip reason.</summary>
    ITargetDefinition OnlyWhenStatic(Expression<Func<bool>> condition);

    /// <summary>Checked just before the target runs; the expression's text is the skip reason.</summary>
    ITargetDefinition OnlyWhenDynamic(Expression<Func<bool>> condition);

    /// <summary>What the target would do with the current parameters (e.g. the tags it would push), shown by --help and --plan.</summary>
    ITargetDefinition Preview(Func<string?> preview);

    /// <summary>The parameter must have a value (checked before anything runs).</summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter);

    /// <summary>The condition must hold (checked before anything runs).</summary>
    ITargetDefinition Requires(Expression<Func<bool>> condition);

    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>A failure of this target does not stop the build.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>Runs even after a failure or cancellation of another target.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Not shown in help.</summary>
    ITargetDefinition Unlisted();

    /// <summary>Declares the target's inputs; evaluated just before the target runs.</summary>
    ITargetDefinition Inputs(Func<InputSetBuilder, InputSetBuilder> inputs);

    /// <summary>Root-relative globs of the files this target reads; generated CI workflows use them as path filters.</summary>
    ITargetDefinition InputPaths(Func<IEnumerable<string>> globs);

    /// <summary>Whether the output for this input hash already exists; a true answer skips the target as up to date.</summary>
    ITargetDefinition UpToDateWhen(Func<InputSet, CancellationToken, Task<bool>> outputExists);
    ITargetDefinition UpToDateWhen(Func<InputSet, bool> outputExists);

    /// <summary>Like <see cref="UpToDateWhen(Func{InputSet, CancellationToken, Task{bool}})"/> for a target that produces
    /// <typeparamref name="T"/>: returns the output already made for these inputs (handed on as the target's value, so
    /// an up-to-date target still provides it), or null when it must run. Only reads.</summary>
    ITargetDefinition UpToDateWhen<T>(Func<InputSet, CancellationToken, Task<T?>> existingOutput) where T : class;

    /// <summary>Runs <paramref name="make"/> and hands its immutable value to the targets that consume
    /// <typeparamref name="T"/>; the planner checks that every consumer runs after its producer.</summary>
    ITargetDefinition Produces<T>(Func<CancellationToken, Task<T>> make) where T : class;
    ITargetDefinition Produces<T>(Func<T> make) where T : class;

    /// <summary>This target reads <typeparamref name="T"/> (with <c>Value&lt;T&gt;()</c>), produced by an earlier target
    /// of the plan or given by the caller; a plan without its producer fails before anything runs.</summary>
    ITargetDefinition Consumes<T>() where T : class;

    /// <summary>Runs after the target succeeded or was up to date, to describe what it made (a job summary); never for work.</summary>
    ITargetDefinition Reports(Func<CancellationToken, Task> report);

    /// <summary>Where the inputs of the previous run come from, to name what changed (default: the engine's own record under .nuke/temp).</summary>
    ITargetDefinition PreviousInputsFrom(Func<InputSet, CancellationToken, Task<InputSet?>> previous);

    /// <summary>Applies <paramref name="configure"/> only when <paramref name="condition"/> holds at declaration time.</summary>
    ITargetDefinition When(bool condition, Func<ITargetDefinition, ITargetDefinition> configure);

    ITargetDefinition Executes(Action action);
    ITargetDefinition Executes(Func<Task> action);
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
