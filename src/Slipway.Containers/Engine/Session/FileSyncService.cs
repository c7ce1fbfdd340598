using Grpc.Core;
using Slipway.Containers.Engine.Session.BuildKit;

namespace Slipway.Containers.Engine.Session;

/// <summary><c>moby.filesync.v1.FileSync/DiffCopy</c>: sends the folder the engine names in <c>dir-name</c>.</summary>
internal sealed class FileSyncService(SessionDirectory sessions) : FileSync.FileSyncBase
{
    public override async Task DiffCopy(IAsyncStreamReader<Packet> requestStream, IServerStreamWriter<Packet> responseStream, ServerCallContext context)
    {
        var session = sessions.Of(context);
        var name = Values(context, "dir-name").FirstOrDefault() ?? "";
        if (!session.Folders.TryGetValue(name, out var folder))
            throw new RpcException(new Status(StatusCode.NotFound, $"no access allowed to dir \"{name}\""));
        // As fsutil: the paths to follow are included too, and so are the targets of those that are symlinks.
        var follow = Values(context, "followpaths");
        var includes = Values(context, "include-patterns");
        if (includes.Count > 0 || follow.Count > 0)
            includes = [.. includes, .. follow, .. follow.Select(path => LinkTarget(folder, path)).OfType<string>()];
        var excludes = Values(context, "exclude-patterns");
        session.Log.Debug("[session] engine reads {Folder} ({Root}): include {Includes}, {Excludes} exclude patterns",
            name, folder.Root.Value, includes, excludes.Count);
        var walk = new FolderWalk(folder, includes, excludes);
        await new FolderSender(walk, session.Transfer).SendAsync(requestStream, responseStream, context.CancellationToken);
    }

    /// <summary>
    /// A metadata key's values. The engine sends one header field per value, which arrive joined with commas; BuildKit
    /// URL-encodes them when it adds <c>&lt;key&gt;-encoded: 1</c> (then a comma inside a value is encoded too).
    /// </summary>
    private static List<string> Values(ServerCallContext context, string key)
    {
        var encoded = context.RequestHeaders.Get(key + "-encoded")?.Value is "1" or "true";
        return context.RequestHeaders
            .Where(entry => !entry.IsBinary && entry.Key == key)
            .SelectMany(entry => entry.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(value => encoded ? Uri.UnescapeDataString(value.Replace('+', ' ')) : value)
            .ToList();
    }

    /// <summary>Where a symlink inside the folder points, relative to the folder; null for anything else.</summary>
    private static string? LinkTarget(SessionFolder folder, string path)
    {
        var full = Path.Combine(folder.Root.Value, path);
        if (new FileInfo(full).LinkTarget is not { } target)
            return null;
        var resolved = Path.GetRelativePath(folder.Root.Value, Path.GetFullPath(target, Path.GetDirectoryName(full)!));
        return resolved.StartsWith("..", StringComparison.Ordinal) ? null : resolved.Replace('\\', '/');
    }
}
