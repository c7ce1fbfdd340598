using Slipway.Output.Progress;

namespace Slipway.Containers.Tests.Support;

/// <summary>Keeps every progress event, in order.</summary>
internal sealed class RecordingProgress : IProgressReporter
{
    private readonly List<ProgressEvent> _events = [];

    public IReadOnlyList<ProgressEvent> Events
    {
        get
        {
            lock (_events)
                return _events.ToArray();
        }
    }

    public void Report(ProgressEvent progress)
    {
        lock (_events)
            _events.Add(progress);
    }
}
