namespace Slipway.Tests.Support;

/// <summary>A clock that moves only when told; its timers fire as <see cref="Advance"/> passes their due times.</summary>
internal sealed class FakeClock : TimeProvider
{
    private readonly List<FakeTimer> _timers = [];

    public DateTimeOffset Now { get; private set; } = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        var end = Now + by;
        while (true)
        {
            FakeTimer? next;
            lock (_timers)
                next = _timers.Where(timer => timer.Due is { } due && due <= end).MinBy(timer => timer.Due);
            if (next is null)
                break;
            Now = next.Due!.Value;
            next.Fire();
        }
        Now = end;
    }

    public void AdvanceTo(TimeSpan sinceStart, DateTimeOffset start) => Advance(start + sinceStart - Now);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_timers)
            _timers.Add(timer);
        return timer;
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;

        public DateTimeOffset? Due { get; private set; }

        public void Fire()
        {
            Due = _period > TimeSpan.Zero ? Due + _period : null;
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.Now + dueTime;
            _period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            return true;
        }

        public void Dispose() => Due = null;

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
