using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>What a synced path is on the host when the plan was made.</summary>
public enum SyncPathKind
{
    /// <summary>A file (or a symbolic link, copied as a link): its content and permission bits are copied.</summary>
    File,

    /// <summary>A folder: the folder itself with its permission bits; its contents are entries of their own.</summary>
    Folder,

    /// <summary>Gone from the host: removed in the container too (with everything below it).</summary>
    Deleted,
}

/// <summary>One path a <c>sync</c> rule brings into the running container: <paramref name="Host"/> lands at
/// <paramref name="Container"/> (an absolute path in the container).</summary>
public sealed record SyncPath(AbsolutePath Host, string Container, SyncPathKind Kind);
