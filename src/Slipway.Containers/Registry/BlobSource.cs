namespace Slipway.Containers.Registry;

/// <summary>
/// Content to upload as a blob: its digest and size, and a way to open it again from the start
/// (uploads that fail part-way are resumed or restarted, so the bytes are read more than once).
/// </summary>
public sealed class BlobSource
{
    private readonly Func<Stream> open;

    public BlobSource(string digest, long size, Func<Stream> open)
    {
        if (ReferenceGrammar.CheckDigest(digest) is { } problem)
            throw new ArgumentException(problem, nameof(digest));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Digest = digest;
        Size = size;
        this.open = open;
    }

    public string Digest { get; }

    public long Size { get; }

    public Stream Open() => open();

    public static BlobSource FromBytes(byte[] content) =>
        new(ContentDigest.Of(content), content.Length, () => new MemoryStream(content, writable: false));

    public static async Task<BlobSource> FromFileAsync(string path, CancellationToken cancellationToken = default) =>
        new(await ContentDigest.OfFileAsync(path, cancellationToken), new FileInfo(path).Length, () => File.OpenRead(path));
}
