using System.Diagnostics;
using Serilog;
using Slipway.Paths;

namespace Slipway.Containers.Compose.Watch;

/// <summary>The watch after Up: waits for a burst of changes to the service's inputs, asks the planner what it calls
/// for, rebuilds in this process, recreates only the service on the new image and says on one line how long the edit
/// took to run; the service's log lines stream in between. A failed cycle is one error line and the old container keeps
/// running. Where the service has <c>develop.watch</c> rules, they decide instead (<see cref="DevelopWatchCycle"/>).
/// Cancellation ends the watch and takes the project down, unless it is kept.</summary>
internal sealed class ComposeWatch(
    ComposeRun project, string service, AbsolutePath root, Func<WatchPlanner> planner, WatchRebuild rebuild, ILogger log)
{
    /// <summary>How long no change must come before a burst is taken as finished.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(50);

    public bool Keep { get; init; }

    /// <summary>Taking the project down also removes its volumes (Down's --volumes).</summary>
    public bool Volumes { get; init; }

    /// <summary>The service's <c>develop.watch</c> rules and how their copies reach its container; null (or no rules):
    /// every input rebuilds.</summary>
    public (DevelopWatchRules Rules, ContainerSync Sync)? Develop { get; init; }

    public async Task RunAsync(string runningImage, CancellationToken cancellation)
    {
        var current = planner();
        var hasGracePeriod = await project.HasGracePeriodAsync(service, cancellation);
        await using var logs = new ServiceLogs(service, project.Environment, log);
        var running = new RunningService(await project.ContainerAsync(service, cancellation), runningImage);
        await logs.FollowAsync(running.Container, tail: 0);
        var develop = Develop is { Rules.IsEmpty: false } rules
            ? new DevelopWatchCycle(service, rules.Rules, rules.Sync, root, running, logs, log)
            {
                Rebuild = (plan, token) => RebuildAsync(plan, running, hasGracePeriod, logs, token),
                // as the recreate: a Python server as PID 1 ignores SIGTERM, so only a grace period of its own is waited for
                StopTimeout = hasGracePeriod ? null : TimeSpan.Zero,
            }
            : null;
        using var changes = new FileChanges(root, path => develop is not null || current.Watches(path));
        if (develop is null)
            log.Information("Watching {Service}'s inputs in {Root}: an edit rebuilds and recreates {Service}; Ctrl-C stops{Keep}",
                service, root.Value, service, Keep ? " (--keep: the services stay)" : " and takes the project down");
        else
            log.Information("Watching {Service}'s inputs in {Root} under its develop.watch rules: sync copies into the running " +
                            "container, sync+restart restarts it too, rebuild (and any other input) rebuilds and recreates it; Ctrl-C stops{Keep}",
                service, root.Value, Keep ? " (--keep: the services stay)" : " and takes the project down");
        try
        {
            while (true)
            {
                var burst = await changes.NextAsync(Quiet, cancellation);
                var acted = develop is not null
                    ? await develop.RunAsync(burst.Paths, current, burst.FirstSeen, cancellation)
                    : await CycleAsync(current.Plan(burst.Paths), burst.FirstSeen, running, hasGracePeriod, logs, cancellation);
                if (acted)
                    current = PlannerOrPrevious(current);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
        }
        finally
        {
            await logs.StopAsync();
            if (Keep)
                log.Information("Watch stopped; --keep: project {Project} stays up (./build.sh Down removes it)", project.Name);
            else
            {
                log.Information("Watch stopped: taking project {Project} down", project.Name);
                await project.DownAsync(Volumes, CancellationToken.None);
            }
        }
    }

    /// <summary>The planner for the Dockerfiles as they are now; the previous one while they cannot be read (the cycle
    /// that met them said why), so fixing them is still seen.</summary>
    private WatchPlanner PlannerOrPrevious(WatchPlanner previous)
    {
        try
        {
            return planner();
        }
        catch (SlipwayException)
        {
            return previous;
        }
    }

    /// <summary>One cycle of the planner's; false when the burst asked for nothing.</summary>
    private async Task<bool> CycleAsync(
        WatchPlan plan, long firstSeen, RunningService running, bool hasGracePeriod, ServiceLogs logs, CancellationToken cancellation)
    {
        if (plan.Action == WatchAction.Nothing)
            return false;
        if ((await RebuildAsync(plan, running, hasGracePeriod, logs, cancellation)).Done is { } done)
            log.Information("{Service} running {Seconds:0.00} s after the edit ({Done:l})", service, Stopwatch.GetElapsedTime(firstSeen).TotalSeconds, done);
        return true;
    }

    /// <summary>The rebuild and the recreate of the service on the new image; <paramref name="running"/> follows.</summary>
    private async Task<RebuildStep> RebuildAsync(
        WatchPlan plan, RunningService running, bool hasGracePeriod, ServiceLogs logs, CancellationToken cancellation)
    {
        log.Information("{Changed} changed: {Action}", plan.ChangedText,
            plan.Action == WatchAction.RebuildBuilderAndApp ? "rebuilding the builder and the app" : "rebuilding the app");
        WatchRebuild.Outcome built;
        try
        {
            built = await rebuild.RunAsync(plan, running.ImageId, cancellation);
        }
        catch (SlipwayException failure) when (!cancellation.IsCancellationRequested)
        {
            log.Error("{Service} not rebuilt: {Reason} (the running container stays; still watching)", service, FirstLine(failure));
            return RebuildStep.Failure;
        }
        if (built.App is null)
        {
            log.Information("{Service} already runs an image of these inputs: not recreated", service);
            return RebuildStep.Unchanged;
        }
        var recreate = Stopwatch.StartNew();
        try
        {
            await project.RecreateAsync(service, built.App.Reference, hasGracePeriod, cancellation);
            recreate.Stop();
            // a container that exits at once is followed too: its last lines say why
            running.Container = await project.ContainerAsync(service, cancellation, includeStopped: true);
            running.ImageId = built.App.ImageId;
            await logs.FollowAsync(running.Container);
            return RebuildStep.Recreated(FormattableString.Invariant(
                $"{built.App.ImageId[..19]}; inputs {built.Inputs.TotalSeconds:0.00} s, builder {built.Builder.TotalSeconds:0.00} s, app {built.AppBuild.TotalSeconds:0.00} s, recreate {recreate.Elapsed.TotalSeconds:0.00} s"));
        }
        catch (SlipwayException failure) when (!cancellation.IsCancellationRequested)
        {
            log.Error("{Service} not recreated on {Image}: {Reason} (still watching)", service, built.App.Reference, FirstLine(failure));
            return RebuildStep.Failure;
        }
    }

    internal static string FirstLine(SlipwayException failure) => failure.Message.Split('\n')[0].Trim();
}
