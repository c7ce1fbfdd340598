using System.Diagnostics;
using Serilog;
using Slipway.Paths;

namespace Slipway.Containers.Compose.Watch;

/// <summary>
/// A watch cycle under the service's <c>develop.watch</c> rules, in <c>docker compose watch</c>'s order: the rebuild
/// (Slipway's build, the builder first when a dependency input changed, then the recreate), then the copies into the
/// running container, then its restart. A path no rule covers and the image does not read is left alone, as compose
/// does, and said once. The container's drift from the image Slipway built is said after every sync; a recreate ends it.
/// </summary>
internal sealed class DevelopWatchCycle(
    string service, DevelopWatchRules rules, ContainerSync sync, AbsolutePath root, RunningService running, ServiceLogs logs, ILogger log)
{
    private readonly HashSet<AbsolutePath> _saidUnwatched = [];
    private ContainerDrift _drift = ContainerDrift.None(service, running.ImageId);

    /// <summary>The rebuild and recreate of the service (the one a plain watch cycle runs).</summary>
    public required Func<WatchPlan, CancellationToken, Task<RebuildStep>> Rebuild { get; init; }

    /// <summary>How long a restart waits before SIGKILL; null: the container's own.</summary>
    public TimeSpan? StopTimeout { get; init; }

    /// <summary>One cycle for a burst of root-relative changed paths; false when the rules asked for nothing.</summary>
    public async Task<bool> RunAsync(IEnumerable<string> changed, WatchPlanner current, long firstSeen, CancellationToken cancellation)
    {
        var plan = rules.Plan(changed.Order(StringComparer.Ordinal).Select(path => root / path),
            path => current.Watches(AbsolutePath.From(path).RelativeTo(root)));
        SayUnwatched(plan.Unwatched);
        if (plan.IsEmpty)
            return false;
        var done = new List<string>();
        if (plan.Rebuild)
        {
            var rebuilt = await Rebuild(RebuildPlan(plan.RebuildFor, current), cancellation);
            if (rebuilt.Failed)
                return true;
            if (rebuilt.Done is { } recreated)
            {
                if (_drift.HasDrifted)
                    log.Information("{Service} recreated from the new image: no longer drifted", service);
                _drift = _drift.Rebuilt(running.ImageId);
                done.Add(recreated);
            }
        }
        if (plan.Copies.Count > 0 || plan.Restart)
        {
            try
            {
                done.Add(await SyncAsync(plan, cancellation));
            }
            catch (SlipwayException failure) when (!cancellation.IsCancellationRequested)
            {
                log.Error("{Service} not synced: {Reason} (still watching)", service, ComposeWatch.FirstLine(failure));
                return true;
            }
        }
        if (done.Count == 0)
            return true;
        log.Information("{Service} running {Seconds:0.00} s after the edit ({Done:l})", service,
            Stopwatch.GetElapsedTime(firstSeen).TotalSeconds, string.Join("; ", done));
        if (plan.Copies.Count > 0 && _drift.LogLine is { } drifted)
            log.Information("{Drift:l}", drifted);
        return true;
    }

    /// <summary>The copies and the restart; what was done, for the edit-to-running line.</summary>
    private async Task<string> SyncAsync(DevelopWatchPlan plan, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var parts = new List<string>();
        if (plan.Copies.Count > 0)
        {
            await sync.CopyAsync(running.Container, plan.Copies, cancellation);
            _drift = _drift.After(plan.Copies, root);
            parts.Add($"synced {Synced(plan.Copies)}");
        }
        var synced = clock.Elapsed;
        if (plan.Restart)
        {
            var started = await sync.RestartAsync(running.Container, StopTimeout, cancellation);
            // docker logs --follow ended with the stopped process: follow the new one from its first line
            await logs.FollowAsync(running.Container, tail: started is null ? 0 : null, since: started);
            parts.Add("restarted");
        }
        var restart = FormattableString.Invariant($"restart {(clock.Elapsed - synced).TotalSeconds:0.00} s");
        var times = plan.Copies.Count == 0 ? restart
            : plan.Restart ? FormattableString.Invariant($"sync {synced.TotalSeconds:0.00} s, {restart}")
            : FormattableString.Invariant($"sync {synced.TotalSeconds:0.00} s");
        return $"{string.Join(", ", parts)}; {times}";
    }

    /// <summary>E.g. <c>2 files: backend/app/main.py, backend/app/old.py deleted</c>; folders count only when nothing else came.</summary>
    private string Synced(IReadOnlyList<SyncPath> copies)
    {
        var files = copies.Where(copy => copy.Kind != SyncPathKind.Folder).ToArray();
        var named = (files.Length > 0 ? files : copies)
            .Select(copy => copy.Host.RelativeTo(root) + (copy.Kind == SyncPathKind.Deleted ? " deleted" : "")).ToArray();
        var what = files.Length > 0 ? "file" : "folder";
        return $"{named.Length} {what}{(named.Length == 1 ? "" : "s")}: {NamedPaths.Of(named)}";
    }

    /// <summary>What Slipway's build is told changed: the builder's inputs among the paths rebuild the builder too;
    /// a path the Dockerfiles do not read (a rebuild rule's own) rebuilds the app.</summary>
    private WatchPlan RebuildPlan(IReadOnlyList<AbsolutePath> rebuildFor, WatchPlanner current)
    {
        var changed = rebuildFor.Select(path => path.RelativeTo(root)).Order(StringComparer.Ordinal).ToArray();
        var planned = current.Plan(changed);
        return new WatchPlan(planned.Action == WatchAction.Nothing ? WatchAction.RebuildApp : planned.Action, changed);
    }

    private void SayUnwatched(IReadOnlyList<AbsolutePath> unwatched)
    {
        var fresh = unwatched.Where(_saidUnwatched.Add).Select(path => path.RelativeTo(root)).ToArray();
        if (fresh.Length > 0)
            log.Information("{Paths} changed: no develop.watch rule covers it and {Service}'s image does not read it, so nothing is done " +
                            "(as docker compose watch; said once per path)", NamedPaths.Of(fresh), service);
    }
}
