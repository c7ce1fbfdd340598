using Slipway.Ci;

namespace Slipway.Containers.Ci;

/// <summary>The steps that carry the native-runner matrix's per-platform pushes to the merge job: each matrix job
/// uploads its digests as one artifact, the merge job downloads all of them into the same folder.</summary>
internal static class DigestArtifacts
{
    public static WorkflowStep Upload(WorkflowContext workflow) => new("Upload the digests of ${{ matrix.platform }}")
    {
        Uses = "actions/upload-artifact@v4",
        With =
        [
            ("name", "${{ matrix.artifact }}"),
            ("path", PushedDigests.RelativeTo(workflow.TemporaryDirectory) + "/"),
            ("include-hidden-files", true),
            ("if-no-files-found", "error"),
            ("retention-days", 1),
        ],
    };

    public static WorkflowStep Download(WorkflowContext workflow) => new("Download the digests of every platform")
    {
        Uses = "actions/download-artifact@v4",
        With =
        [
            ("pattern", PushedDigests.ArtifactPrefix + "*"),
            ("path", PushedDigests.RelativeTo(workflow.TemporaryDirectory)),
            ("merge-multiple", true),
        ],
    };
}
