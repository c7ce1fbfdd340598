namespace Slipway.Output.Progress;

/// <summary>What is running now, from the target events and the progress events of its workers, stamped with the
/// board's clock as they arrive. The live view and the redirected progress lines are drawn from its snapshots.
/// Thread-safe: parallel builds report into it at once.</summary>
internal sealed class ProgressBoard(TimeProvider clock) : IProgressReporter
{
    private readonly object _lock = new();
    private readonly List<BuildActivity> _builds = [];
    private readonly List<PushActivity> _pushes = [];
    private readonly List<PreparingRow> _preparing = [];
    private TargetRow? _target;

    /// <summary>Raised after every change, outside the board's lock.</summary>
    public event Action? Changed;

    public TimeProvider Clock => clock;

    public void TargetStarted(string name)
    {
        lock (_lock)
        {
            _target = new TargetRow(name, clock.GetUtcNow());
            _builds.Clear();
            _pushes.Clear();
            _preparing.Clear();
        }
        Changed?.Invoke();
    }

    /// <summary>Work the target left behind (a worker that failed before its finished event) leaves with it.</summary>
    public void TargetFinished()
    {
        lock (_lock)
        {
            _target = null;
            _builds.Clear();
            _pushes.Clear();
            _preparing.Clear();
        }
        Changed?.Invoke();
    }

    public void Report(ProgressEvent progress)
    {
        lock (_lock)
            Apply(progress, clock.GetUtcNow());
        Changed?.Invoke();
    }

    public BoardSnapshot Snapshot()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            return new BoardSnapshot(now, _target, [.. _builds.Select(build => build.ToRow())], [.. _pushes.Select(push => push.ToRow(now))])
            {
                Preparing = [.. _preparing],
            };
        }
    }

    private void Apply(ProgressEvent progress, DateTimeOffset now)
    {
        switch (progress)
        {
            case StepStarted started:
                var build = _builds.Find(row => row.Build == started.Build);
                if (build is null)
                    _builds.Add(build = new BuildActivity(started.Build, now));
                build.Apply(progress, now);
                break;
            case StepLogged logged:
                _builds.Find(row => row.Build == logged.Build)?.Apply(progress, now);
                break;
            case StepFinished finished:
                _builds.Find(row => row.Build == finished.Build)?.Apply(progress, now);
                break;
            case BuildFinished ended:
                _builds.RemoveAll(row => row.Build == ended.Build);
                break;
            case PushPreparing preparing:
                var at = _preparing.FindIndex(row => row.Push == preparing.Push);
                var row = new PreparingRow(preparing.Push, at >= 0 ? _preparing[at].Started : now, PrintableText.Of(preparing.Phase),
                    preparing.Done, preparing.Total);
                if (at >= 0)
                    _preparing[at] = row;
                else
                    _preparing.Add(row);
                break;
            case PushStarted started:
                _preparing.RemoveAll(row => row.Push == started.Push);
                _pushes.RemoveAll(row => row.Push == started.Push);
                _pushes.Add(new PushActivity(started.Push, now, started.Blobs, started.Bytes));
                break;
            case BlobProgressed or BlobSkipped or BlobFinished:
                _pushes.Find(row => row.Push == PushOf(progress))?.Apply(progress, now);
                break;
            case PushFinished ended:
                _preparing.RemoveAll(row => row.Push == ended.Push);
                _pushes.RemoveAll(row => row.Push == ended.Push);
                break;
        }
    }

    private static string PushOf(ProgressEvent progress) => progress switch
    {
        BlobProgressed moved => moved.Push,
        BlobSkipped skipped => skipped.Push,
        BlobFinished finished => finished.Push,
        _ => "",
    };
}
