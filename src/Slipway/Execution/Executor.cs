using System.Diagnostics;
using Slipway.Planning;
using Slipway.Targets;

namespace Slipway.Execution;

/// <summary>Runs a plan: requirements first for the whole plan, then each target in order with its dynamic conditions,
/// incremental check and actions; a failure stops the build unless allowed; assured targets run after failure or Ctrl-C.</summary>
internal sealed class Executor(RunState session, Func<ExecutableTarget, bool>? forced = null)
{
    private readonly Dictionary<ExecutableTarget, TargetResult> _results = [];
    private bool _stopped;

    public async Task<BuildResult> RunAsync(Plan plan)
    {
        RequirementCheck.ThrowIfUnmet(plan);
        var incremental = new IncrementalCheck(session);
        foreach (var step in plan.Steps)
        {
            var result = await RunStepAsync(step, incremental);
            _results[step.Target] = result;
            if (result.Status is TargetStatus.Failed && !step.Target.Definition.ProceedsAfterFailure)
                _stopped = true;
            if (result.Status is TargetStatus.Cancelled)
                _stopped = true;
        }
        var results = plan.Steps.Select(step => _results[step.Target]).ToArray();
        var failed = results.Any(result => result.Status is TargetStatus.Failed or TargetStatus.Cancelled);
        return new BuildResult(failed ? 1 : 0, results);
    }

    private async Task<TargetResult> RunStepAsync(PlannedTarget step, IncrementalCheck incremental)
    {
        var target = step.Target;
        var cancellation = session.Invocation.Cancellation;
        var assured = target.Definition.IsAssuredAfterFailure;
        if ((_stopped || cancellation.IsCancellationRequested) && !assured)
            return new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, cancellation.IsCancellationRequested ? "cancelled" : "build stopped by an earlier failure");
        if (step.SkipReason is not null)
            return Finish(new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, step.SkipReason));
        var brokenDependency = target.Dependencies.FirstOrDefault(dependency =>
            _results.TryGetValue(dependency, out var result) && result.Status is TargetStatus.Failed or TargetStatus.NotRun or TargetStatus.Cancelled);
        if (brokenDependency is not null && !assured)
            return new TargetResult(target.Name, TargetStatus.NotRun, TimeSpan.Zero, $"dependency {brokenDependency.Name} did not succeed");

        var token = cancellation.IsCancellationRequested ? CancellationToken.None : cancellation;
        session.CurrentNote = null;
        session.CurrentTargetForced = forced?.Invoke(target) ?? false;
        session.CurrentTarget = target;
        session.Output.TargetStarted(target.Name);
        var clock = Stopwatch.StartNew();
        void Publish(Type declared, object value) => session.Values.Publish(target, declared, value);
        try
        {
            var falseCondition = target.Definition.DynamicConditions.FirstOrDefault(condition => !condition.Evaluate());
            if (falseCondition is not null)
                return Finish(new TargetResult(target.Name, TargetStatus.Skipped, clock.Elapsed, $"condition false: {falseCondition.Text}"));
            var inputs = await incremental.BeforeAsync(target, session.CurrentTargetForced, Publish, token);
            if (inputs is { UpToDate: true })
            {
                await ReportAsync(target, token);
                return Finish(new TargetResult(target.Name, TargetStatus.UpToDate, clock.Elapsed, $"up to date (inputs {inputs.Inputs.Hash12})"));
            }
            foreach (var action in target.Definition.Actions)
                await action(Publish, token);
            if (inputs is not null)
                incremental.Record(target, inputs.Inputs);
            await ReportAsync(target, token);
            return Finish(new TargetResult(target.Name, TargetStatus.Succeeded, clock.Elapsed, session.CurrentNote));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            session.Log.Error("Target {Target} was cancelled", target.Name);
            return Finish(new TargetResult(target.Name, TargetStatus.Cancelled, clock.Elapsed, "cancelled"));
        }
        catch (Exception exception)
        {
            var message = FailureMessage.Of(exception);
            session.Log.Error(exception is SlipwayException ? null : exception, "Target {Target} failed: {Reason}", target.Name, message);
            return Finish(new TargetResult(target.Name, TargetStatus.Failed, clock.Elapsed, message));
        }
    }

    private static async Task ReportAsync(ExecutableTarget target, CancellationToken cancellation)
    {
        foreach (var report in target.Definition.ReportActions)
            await report(cancellation);
    }

    private TargetResult Finish(TargetResult result)
    {
        session.CurrentTarget = null;
        session.Output.TargetFinished(result);
        return result;
    }
}
