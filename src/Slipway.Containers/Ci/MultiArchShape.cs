namespace Slipway.Containers.Ci;

/// <summary>How a workflow with <see cref="GitHubActionsImagesAttribute.Platforms"/> builds them.</summary>
public enum MultiArchShape
{
    /// <summary>One job builds every platform on one runner, foreign ones emulated with QEMU:
    /// <c>./build.sh &lt;targets&gt; --platforms linux/amd64 linux/arm64</c>.</summary>
    Qemu,

    /// <summary>A matrix job builds each platform on a runner of that architecture and pushes it by digest
    /// (<c>--push-by-digest</c>, digests uploaded as artifacts); a <c>merge</c> job then downloads the digests and runs
    /// the merge targets (default <c>PushIndex</c>) to write the multi-platform indexes.</summary>
    NativeRunners,
}
