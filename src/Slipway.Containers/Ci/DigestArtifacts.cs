using Slipway.Ci;
using Slipway.Containers.Components;

namespace Slipway.Containers.Ci;

/// <summary>The steps that carry the native-runner matrix's per-platform pushes to the merge job: each matrix job
/// uploads the folder its <c>--push-by-digest</c> run recorded (<see cref="PushedDigests"/>, under the build's temporary
/// directory) as one artifact per platform, the merge job downloads all of them into the same folder.</summary>
internal static class DigestArtifacts
{
    /// <summary>How the artifacts are named: <c>digests-linux-arm64</c>.</summary>
    public const string Prefix = PushedDigests.FolderName + "-";

    public static string NameOf(string platform) => Prefix + platform.Replace('/', '-');

    /// <summary>The folder relative to the root, as the workflow names it.</summary>
    public static string FolderIn(WorkflowContext workflow) => workflow.TemporaryDirectory.TrimEnd('/') + "/" + PushedDigests.FolderName;

    public static WorkflowStep Upload(WorkflowContext workflow) => new("Upload the digests of ${{ matrix.platform }}")
    {
        Uses = "actions/upload-artifact@v4",
        With =
        [
            ("name", "${{ matrix.artifact }}"),
            ("path", FolderIn(workflow) + "/"),
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
            ("pattern", Prefix + "*"),
            ("path", FolderIn(workflow)),
            ("merge-multiple", true),
        ],
    };
}
