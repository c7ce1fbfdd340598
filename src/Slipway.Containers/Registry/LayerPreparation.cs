using Slipway.Output.Progress;

namespace Slipway.Containers.Registry;

/// <summary>How far a push is in compressing its layers, reported as <see cref="PushPreparing"/> (<c>compressing layer
/// 2 of 3</c>, bytes of all layer tars done), at most every 8 MB and at each layer's start, so the progress is not
/// flooded.</summary>
internal sealed class LayerPreparation(string push, IReadOnlyList<long> layerSizes, IProgressReporter progress)
{
    private const long Step = 8_000_000;
    private readonly long _total = layerSizes.Sum();
    private long _reported = -1;

    public void Compressed(int layer, long read)
    {
        var done = layerSizes.Take(layer).Sum() + read;
        if (read > 0 && done - _reported < Step)
            return;
        _reported = done;
        progress.Report(new PushPreparing(push, $"compressing layer {layer + 1} of {layerSizes.Count}", done, _total));
    }
}
