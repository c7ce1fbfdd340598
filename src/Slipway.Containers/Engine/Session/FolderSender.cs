using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Slipway.Containers.Engine.Session.BuildKit;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// The sending side of fsutil's DiffCopy protocol: a STAT packet per entry (its index is its ID), an empty STAT at the
/// end, then the data of each file the engine requests (REQ with the ID) as DATA packets closed by an empty one. The
/// engine compares the stats with what it kept from the previous transfer under the session's shared key and asks
/// only for files that changed; its FIN ends the transfer and is answered with FIN.
/// </summary>
internal sealed class FolderSender(FolderWalk walk, TransferCounter counter)
{
    private const int ChunkSize = 64 * 1024;

    public async Task SendAsync(IAsyncStreamReader<Packet> requests, IServerStreamWriter<Packet> responses, CancellationToken cancellationToken)
    {
        var files = new Dictionary<uint, string>();
        var requested = Channel.CreateUnbounded<uint>(new UnboundedChannelOptions { SingleReader = true });
        var reading = ReadRequestsAsync(requests, requested.Writer, cancellationToken);

        uint id = 0;
        foreach (var entry in walk.Entries())
        {
            if (entry.IsRegularFile)
                files[id] = entry.FullPath;
            id++;
            await WriteAsync(responses, new Packet { Type = Packet.Types.PacketType.PacketStat, Stat = entry.Stat });
        }
        await WriteAsync(responses, new Packet { Type = Packet.Types.PacketType.PacketStat });
        counter.Entries(id);

        var buffer = new byte[ChunkSize];
        await foreach (var fileId in requested.Reader.ReadAllAsync(cancellationToken))
        {
            if (!files.Remove(fileId, out var path))
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"invalid file id {fileId}"));
            await SendFileAsync(responses, fileId, path, buffer, cancellationToken);
        }
        await reading;
        await WriteAsync(responses, new Packet { Type = Packet.Types.PacketType.PacketFin });
    }

    private async Task SendFileAsync(IServerStreamWriter<Packet> responses, uint id, string path, byte[] buffer, CancellationToken cancellationToken)
    {
        counter.FileRequested();
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan))
        {
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                counter.FileBytes(read);
                await WriteAsync(responses, new Packet { Type = Packet.Types.PacketType.PacketData, ID = id, Data = ByteString.CopyFrom(buffer, 0, read) });
            }
        }
        await WriteAsync(responses, new Packet { Type = Packet.Types.PacketType.PacketData, ID = id });
    }

    private async Task WriteAsync(IServerStreamWriter<Packet> responses, Packet packet)
    {
        counter.PacketBytes(packet.CalculateSize());
        await responses.WriteAsync(packet);
    }

    private static async Task ReadRequestsAsync(IAsyncStreamReader<Packet> requests, ChannelWriter<uint> requested, CancellationToken cancellationToken)
    {
        try
        {
            while (await requests.MoveNext(cancellationToken))
            {
                var packet = requests.Current;
                switch (packet.Type)
                {
                    case Packet.Types.PacketType.PacketReq:
                        requested.TryWrite(packet.ID);
                        break;
                    case Packet.Types.PacketType.PacketErr:
                        throw new RpcException(new Status(StatusCode.Aborted, "error from the engine: " + packet.Data.ToStringUtf8()));
                    case Packet.Types.PacketType.PacketFin:
                        requested.TryComplete();
                        return;
                }
            }
            requested.TryComplete();
        }
        catch (Exception exception)
        {
            requested.TryComplete(exception);
            throw;
        }
    }
}
