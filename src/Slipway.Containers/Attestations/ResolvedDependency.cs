namespace Slipway.Containers.Attestations;

/// <summary>
/// One artifact the build read, as an SLSA resource descriptor: a name, where it is (<c>uri</c>), its digests by
/// algorithm (<c>sha256</c>, <c>gitCommit</c>) and the role it played (<c>source</c>, <c>base-image</c>,
/// <c>builder-image</c>, <c>dependency-input</c>).
/// </summary>
public sealed record ResolvedDependency(string Name, string? Uri, IReadOnlyDictionary<string, string> Digest, string Role)
{
    /// <summary>The git repository and commit built, e.g. <c>git+https://github.com/acme/voice@refs/heads/main</c>.</summary>
    public static ResolvedDependency GitCommit(string repositoryUrl, string commit, string? gitRef = null) =>
        new("source", $"git+{repositoryUrl}{(gitRef is null ? "" : "@" + gitRef)}", new Dictionary<string, string> { ["gitCommit"] = commit }, "source");

    /// <summary>An image by reference and manifest (or image ID) digest, e.g. a base image or the builder image.</summary>
    public static ResolvedDependency Image(string reference, string digest, string role) =>
        new(reference, $"pkg:docker/{reference}", DigestOf(digest), role);

    /// <summary>One input of the dependency hash (a file relative to the build context, or a build argument) and its sha256.</summary>
    public static ResolvedDependency Input(string name, string sha256) => new(name, null, DigestOf(sha256), "dependency-input");

    private static Dictionary<string, string> DigestOf(string digest)
    {
        var colon = digest.IndexOf(':');
        return colon > 0
            ? new Dictionary<string, string> { [digest[..colon]] = digest[(colon + 1)..] }
            : new Dictionary<string, string> { ["sha256"] = digest };
    }
}
