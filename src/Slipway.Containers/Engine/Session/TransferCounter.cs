namespace Slipway.Containers.Engine.Session;

/// <summary>What a session's file sync sent: entries described, files the engine asked for, their bytes, and every
/// packet's bytes on the wire (stats included). Thread-safe: the engine may read several folders at once.</summary>
public sealed class TransferCounter
{
    private long _entries, _files, _fileBytes, _packetBytes;

    /// <summary>Entries (files, folders, links) described to the engine.</summary>
    public long EntriesSent => Interlocked.Read(ref _entries);

    /// <summary>Files whose content the engine asked for.</summary>
    public long FilesSent => Interlocked.Read(ref _files);

    /// <summary>Bytes of file content sent.</summary>
    public long FileBytesSent => Interlocked.Read(ref _fileBytes);

    /// <summary>Bytes of every DiffCopy packet sent (stats, data, framing of the messages themselves).</summary>
    public long BytesSent => Interlocked.Read(ref _packetBytes);

    internal void Entries(long count) => Interlocked.Add(ref _entries, count);

    internal void FileRequested() => Interlocked.Increment(ref _files);

    internal void FileBytes(long count) => Interlocked.Add(ref _fileBytes, count);

    internal void PacketBytes(long count) => Interlocked.Add(ref _packetBytes, count);

    public override string ToString() =>
        $"{EntriesSent} entries described, {FilesSent} files ({FileBytesSent} bytes) sent, {BytesSent} bytes in all";
}
