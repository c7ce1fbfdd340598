namespace Slipway.Containers.Ci;

/// <summary>Where a <c>--push-by-digest</c> run records what it pushed (one file per pushed image) and where PushIndex
/// and the release read it: a folder of the build's temporary directory, carried from the matrix jobs to the merge
/// job as artifacts named <c>digests-&lt;platform&gt;</c>. The folder's name is spelled here only.</summary>
public static class PushedDigests
{
    public const string FolderName = "digests";

    /// <summary>The folder under a build's temporary directory (<c>build.TemporaryDirectory</c>).</summary>
    public static Paths.AbsolutePath In(Paths.AbsolutePath temporaryDirectory) => temporaryDirectory / FolderName;

    /// <summary>The folder relative to the root, as a workflow names it (<c>.nuke/temp/digests</c>).</summary>
    public static string RelativeTo(string temporaryDirectory) => temporaryDirectory.TrimEnd('/') + "/" + FolderName;

    /// <summary>How the artifact of one platform's digests is named: <c>digests-linux-arm64</c>.</summary>
    public static string ArtifactOf(string platform) => ArtifactPrefix + platform.Replace('/', '-');

    public const string ArtifactPrefix = FolderName + "-";
}
