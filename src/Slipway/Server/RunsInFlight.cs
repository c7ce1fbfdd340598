using System.Diagnostics;

namespace Slipway.Server;

/// <summary>The runs a build server is serving, and how long it has been since the last one ended.</summary>
internal sealed class RunsInFlight
{
    private readonly object _gate = new();
    private readonly HashSet<Task> _runs = [];
    private readonly Stopwatch _idle = Stopwatch.StartNew();

    public int Count
    {
        get
        {
            lock (_gate)
                return _runs.Count;
        }
    }

    public TimeSpan IdleFor
    {
        get
        {
            lock (_gate)
                return _runs.Count > 0 ? TimeSpan.Zero : _idle.Elapsed;
        }
    }

    public void Track(Task run)
    {
        lock (_gate)
            _runs.Add(run);
        run.ContinueWith(done =>
        {
            lock (_gate)
            {
                _runs.Remove(done);
                _idle.Restart();
            }
        }, TaskScheduler.Default);
    }

    public Task AllDone()
    {
        lock (_gate)
            return Task.WhenAll(_runs);
    }
}
