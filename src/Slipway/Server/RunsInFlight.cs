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
            if (done.Exception is { } failure) // the server's own output is its log file
                Console.Error.WriteLine($"{DateTime.UtcNow:O} a served run failed: {failure.GetBaseException()}");
            lock (_gate)
            {
                _runs.Remove(done);
                _idle.Restart();
            }
        }, TaskScheduler.Default);
    }

    /// <summary>Done when every run is, however it ended (a run's failure was the client's to see, not the server's end).</summary>
    public Task AllDone()
    {
        lock (_gate)
            return Task.WhenAll(_runs.Select(run => run.ContinueWith(_ => { }, TaskScheduler.Default)));
    }
}
