namespace Slipway.Output.Progress;

/// <summary>A blob of a running push as the display shows it; <paramref name="Rate"/> in bytes per second.</summary>
internal sealed record BlobRow(string Digest, long Size, long Sent, BlobState State, string? Reason, double? Rate)
{
    /// <summary>The 12 hex digits Docker shows: <c>1a2b3c4d5e6f</c>.</summary>
    public string ShortDigest
    {
        get
        {
            var hex = Digest[(Digest.IndexOf(':') + 1)..];
            return hex.Length > 12 ? hex[..12] : hex;
        }
    }
}
