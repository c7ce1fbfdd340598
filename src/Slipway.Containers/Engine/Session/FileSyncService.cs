using Grpc.Core;
using Slipway.Containers.Engine.Session.Wire;

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
        var includes = Values(context, "include-patterns");
        var excludes = Values(context, "exclude-patterns");
        session.Log.Debug("[session] engine reads {Folder} ({Root}): include {Includes}, exclude {Excludes}, follow {Follow}",
            name, folder.Root.Value, includes, excludes.Count, Values(context, "followpaths"));
        var walk = new FolderWalk(folder, includes, excludes);
        await new FolderSender(walk, session.Transfer).SendAsync(requestStream, responseStream, context.CancellationToken);
    }

    /// <summary>A metadata key's values; BuildKit URL-encodes them when it adds <c>&lt;key&gt;-encoded: 1</c>.</summary>
    private static List<string> Values(ServerCallContext context, string key)
    {
        var encoded = context.RequestHeaders.Get(key + "-encoded")?.Value is "1" or "true";
        return context.RequestHeaders
            .Where(entry => !entry.IsBinary && entry.Key == key)
            .Select(entry => encoded ? Uri.UnescapeDataString(entry.Value.Replace('+', ' ')) : entry.Value)
            .ToList();
    }
}
