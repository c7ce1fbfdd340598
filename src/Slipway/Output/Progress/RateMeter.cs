namespace Slipway.Output.Progress;

/// <summary>Bytes per second over about the last <see cref="Window"/>, from (time, bytes so far) samples. A stalled
/// upload's rate falls towards 0 as time passes without new bytes.</summary>
internal sealed class RateMeter
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);
    private readonly Queue<(DateTimeOffset Time, long Bytes)> _samples = new();

    public void Add(DateTimeOffset time, long bytes)
    {
        _samples.Enqueue((time, bytes));
        while (_samples.Count > 2 && _samples.ElementAt(1).Time <= time - Window)
            _samples.Dequeue();
    }

    /// <summary>Null until a second of samples is there.</summary>
    public double? PerSecond(DateTimeOffset now)
    {
        if (_samples.Count == 0)
            return null;
        var first = _samples.Peek();
        var elapsed = now - first.Time;
        return elapsed < Shortest ? null : Math.Max(0, _samples.Last().Bytes - first.Bytes) / elapsed.TotalSeconds;
    }
}
