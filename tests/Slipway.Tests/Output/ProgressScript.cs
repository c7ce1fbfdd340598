using Slipway.Output.Progress;
using Slipway.Tests.Support;

namespace Slipway.Tests.Output;

/// <summary>A scripted run on a fake clock: BuildBuilderImage builds two platforms (arm64 under QEMU), then Push sends
/// both platforms, with blobs the registry has and one mounted. <see cref="Play"/> calls back every second.</summary>
internal sealed class ProgressScript
{
    private const long MB = 1_000_000;
    private readonly FakeClock _clock;
    private readonly ProgressBoard _board;
    private readonly SortedDictionary<int, List<Action>> _events = [];

    public ProgressScript(FakeClock clock, ProgressBoard board)
    {
        _clock = clock;
        _board = board;
        Start = clock.Now;
        At(0, () => board.TargetStarted("BuildBuilderImage"));
        At(1, new StepStarted("builder linux/amd64", "#5", "RUN pip install --no-cache-dir -r requirements.txt", false));
        At(1, new StepStarted("builder linux/arm64", "#6", "RUN pip install --no-cache-dir -r requirements.txt", true));
        At(2, new StepLogged("builder linux/amd64", "#5", "Collecting numpy==2.1.0"));
        At(3, new StepLogged("builder linux/arm64", "#6", "\u001b[1mBuilding wheel for numpy (pyproject.toml)\u001b[0m: started\r"));
        At(21, new StepFinished("builder linux/amd64", "#5", StepOutcome.Done));
        At(21, new StepStarted("builder linux/amd64", "#7", "RUN python -m compileall -q /opt/venv/lib/python3.12/site-packages", false));
        At(22, new StepLogged("builder linux/amd64", "#7", "Listing '/opt/venv/lib/python3.12/site-packages'..."));
        At(28, new StepFinished("builder linux/amd64", "#7", StepOutcome.Done));
        At(28, new BuildFinished("builder linux/amd64"));
        At(40, new StepLogged("builder linux/arm64", "#6", "\tgcc -O2 -fPIC -c numpy/_core/src/multiarray/array_converter.c"));
        At(64, new StepFinished("builder linux/arm64", "#6", StepOutcome.Done));
        At(64, new BuildFinished("builder linux/arm64"));
        At(65, () => board.TargetFinished());

        At(66, () => board.TargetStarted("Push"));
        At(67, new PushStarted("linux/amd64", 4, 417 * MB));
        At(67, new BlobSkipped("linux/amd64", Digest('a'), 29 * MB, "the registry has it"));
        Upload("linux/amd64", Digest('b'), 268 * MB, from: 68, perSecond: 9 * MB);
        Upload("linux/amd64", Digest('c'), 120 * MB - 2048, from: 98, perSecond: 7 * MB);
        At(116, new BlobFinished("linux/amd64", Digest('d'), 2048));
        At(116, new PushFinished("linux/amd64"));
        At(117, new PushStarted("linux/arm64", 3, 301 * MB));
        At(117, new BlobSkipped("linux/arm64", Digest('e'), 29 * MB, "mounted from acme/voice-builder"));
        Upload("linux/arm64", Digest('f'), 272 * MB - 1024, from: 118, perSecond: 8 * MB, stallAfter: 150 * MB);
        At(160, () => board.TargetFinished());
    }

    public DateTimeOffset Start { get; }

    public int End => _events.Keys.Max();

    public static string Digest(char c) => "sha256:" + new string(c, 64);

    /// <summary>Applies each second's events, then calls <paramref name="after"/> with the second.</summary>
    public void Play(Action<int> after)
    {
        for (var second = 0; second <= End; second++)
        {
            _clock.Advance(Start + TimeSpan.FromSeconds(second) - _clock.Now);
            foreach (var action in _events.GetValueOrDefault(second) ?? [])
                action();
            after(second);
        }
    }

    private void Upload(string push, string digest, long size, int from, long perSecond, long? stallAfter = null)
    {
        var second = from;
        for (long sent = 0; sent < size; second++)
        {
            sent = Math.Min(size, sent + perSecond);
            if (stallAfter is { } stall && sent > stall)
                return; // the registry stops answering: the rate falls, the bytes stay
            At(second, new BlobProgressed(push, digest, sent, size));
        }
        At(second, new BlobFinished(push, digest, size));
    }

    private void At(int second, ProgressEvent progress) => At(second, () => _board.Report(progress));

    private void At(int second, Action action)
    {
        if (!_events.TryGetValue(second, out var list))
            _events[second] = list = [];
        list.Add(action);
    }
}
