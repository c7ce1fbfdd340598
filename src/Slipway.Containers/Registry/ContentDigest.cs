using System.Security.Cryptography;

namespace Slipway.Containers.Registry;

/// <summary>sha256 digests in the registry's notation.</summary>
internal static class ContentDigest
{
    public static string Of(ReadOnlySpan<byte> content) => Format(SHA256.HashData(content));

    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Format(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    public static string Format(byte[] sha256) => "sha256:" + Convert.ToHexStringLower(sha256);
}
