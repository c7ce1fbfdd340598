using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>How far a service's running container has moved from the image Slipway built: the paths <c>sync</c> rules
/// copied into it (or deleted in it) since. A rebuild starts a new container from a new image and clears it.</summary>
/// <param name="ImageId">The ID of the image the container was created from (<c>sha256:...</c>).</param>
/// <param name="SyncedPaths">Each synced path once, in the order first synced, relative to the folder given to
/// <see cref="After"/>; a deletion ends in <c> deleted</c>.</param>
public sealed record ContainerDrift(string Service, string ImageId, IReadOnlyList<string> SyncedPaths)
{
    private const int PathsNamed = 3;

    /// <summary>A container just created from <paramref name="imageId"/>: nothing synced yet.</summary>
    public static ContainerDrift None(string service, string imageId) => new(service, imageId, []);

    public bool HasDrifted => SyncedPaths.Count > 0;

    /// <summary>This drift and the files and deletions in <paramref name="synced"/> (folders count through what they hold).</summary>
    /// <param name="root">What the paths are named relative to (the repository root, or the Compose file's folder).</param>
    public ContainerDrift After(IEnumerable<SyncPath> synced, AbsolutePath root)
    {
        var paths = SyncedPaths.ToList();
        foreach (var path in synced.Where(path => path.Kind != SyncPathKind.Folder))
        {
            var name = path.Host.RelativeTo(root);
            paths.RemoveAll(known => known == name || known == name + " deleted");
            paths.Add(path.Kind == SyncPathKind.Deleted ? name + " deleted" : name);
        }
        return this with { SyncedPaths = paths };
    }

    /// <summary>The service recreated from a new build: in step with its image again.</summary>
    public ContainerDrift Rebuilt(string imageId) => None(Service, imageId);

    /// <summary>The log line saying so, e.g. <c>backend drifted from sha256:0123456789ab: 3 files synced since it was
    /// built (app/main.py, app/api/routes.py, app/old.py deleted)</c>; null while it has not drifted.</summary>
    public string? LogLine
    {
        get
        {
            if (!HasDrifted)
                return null;
            var named = NamedPaths.Of(SyncedPaths, PathsNamed);
            var files = SyncedPaths.Count == 1 ? "1 file" : $"{SyncedPaths.Count} files";
            return $"{Service} drifted from {ImageId[..Math.Min(19, ImageId.Length)]}: {files} synced since it was built ({named})";
        }
    }
}
