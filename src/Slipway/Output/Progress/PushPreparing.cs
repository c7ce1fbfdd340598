namespace Slipway.Output.Progress;

/// <summary>A push is getting its image ready before the first byte goes out: exporting it from the engine, unpacking
/// the archive, compressing layers. Reported again as the phase moves on; <see cref="PushStarted"/> ends it.</summary>
/// <param name="Push">The push's name, as <see cref="PushStarted"/> will name it: <c>builder linux/arm64</c>.</param>
/// <param name="Phase">What it does now, in a few words: <c>compressing layer 3 of 7</c>.</param>
/// <param name="Done">Bytes of the phase's input done so far (0 when it cannot tell).</param>
/// <param name="Total">Bytes the phase has to get through (0 when it cannot tell).</param>
public sealed record PushPreparing(string Push, string Phase, long Done, long Total) : ProgressEvent;
