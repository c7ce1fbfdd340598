using System.Diagnostics;
using Serilog;
using Slipway.Paths;

namespace Slipway.Containers.Compose.Watch;

/// <summary>The watch after Up: waits for a burst of changes to the service's inputs, asks the planner what it calls
/// for, rebuilds in this process, recreates only the service on the new image and says on one line how long the edit
/// took to run; the service's log lines stream in between. A failed cycle is one error line and the old container keeps
/// running. Cancellation ends the watch and takes the project down, unless it is kept.</summary>
internal sealed class ComposeWatch(
    ComposeRun project, string service, AbsolutePath root, Func<WatchPlanner> planner, WatchRebuild rebuild, ILogger log)
{
    /// <summary>How long no change must come before a burst is taken as finished.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(50);

    public bool Keep { get; init; }

    /// <summary>Taking the project down also removes its volumes (Down's --volumes).</summary>
    public bool Volumes { get; init; }

    public async Task RunAsync(string runningImage, CancellationToken cancellation)
    {
        var current = planner();
        var hasGracePeriod = await project.HasGracePeriodAsync(service, cancellation);
        await using var logs = new ServiceLogs(service, project.Environment, log);
        await logs.FollowAsync(await project.ContainerAsync(service, cancellation), tail: 0);
        using var changes = new FileChanges(root, path => current.Watches(path));
        log.Information("Watching {Service}'s inputs in {Root}: an edit rebuilds and recreates {Service}; Ctrl-C stops{Keep}",
            service, root.Value, service, Keep ? " (--keep: the services stay)" : " and takes the project down");
        try
        {
            while (true)
            {
                var burst = await changes.NextAsync(Quiet, cancellation);
                var plan = current.Plan(burst.Paths);
                if (plan.Action == WatchAction.Nothing)
                    continue;
                runningImage = await CycleAsync(plan, burst.FirstSeen, runningImage, hasGracePeriod, logs, cancellation);
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

    /// <summary>One cycle; returns the image the service runs afterwards (the old one when the cycle failed).</summary>
    private async Task<string> CycleAsync(
        WatchPlan plan, long firstSeen, string runningImage, bool hasGracePeriod, ServiceLogs logs, CancellationToken cancellation)
    {
        log.Information("{Changed} changed: {Action}", plan.ChangedText,
            plan.Action == WatchAction.RebuildBuilderAndApp ? "rebuilding the builder and the app" : "rebuilding the app");
        WatchRebuild.Outcome built;
        try
        {
            built = await rebuild.RunAsync(plan, runningImage, cancellation);
        }
        catch (SlipwayException failure) when (!cancellation.IsCancellationRequested)
        {
            log.Error("{Service} not rebuilt: {Reason} (the running container stays; still watching)", service, FirstLine(failure));
            return runningImage;
        }
        if (built.App is null)
        {
            log.Information("{Service} already runs an image of these inputs: not recreated", service);
            return runningImage;
        }
        var recreate = Stopwatch.StartNew();
        try
        {
            await project.RecreateAsync(service, built.App.Reference, hasGracePeriod, cancellation);
            recreate.Stop();
            var elapsed = Stopwatch.GetElapsedTime(firstSeen);
            // a container that exits at once is followed too: its last lines say why
            await logs.FollowAsync(await project.ContainerAsync(service, cancellation, includeStopped: true));
            log.Information("{Service} running {Seconds:0.00} s after the edit ({Image}; inputs {Inputs:0.00} s, builder {Builder:0.00} s, app {App:0.00} s, recreate {Recreate:0.00} s)",
                service, elapsed.TotalSeconds, built.App.ImageId[..19], built.Inputs.TotalSeconds, built.Builder.TotalSeconds,
                built.AppBuild.TotalSeconds, recreate.Elapsed.TotalSeconds);
            return built.App.ImageId;
        }
        catch (SlipwayException failure) when (!cancellation.IsCancellationRequested)
        {
            log.Error("{Service} not recreated on {Image}: {Reason} (still watching)", service, built.App.Reference, FirstLine(failure));
            return runningImage;
        }
    }

    private static string FirstLine(SlipwayException failure) => failure.Message.Split('\n')[0].Trim();
}
