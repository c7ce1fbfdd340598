namespace Slipway.Containers.Hashing;

/// <summary>A base image reference and, where the engine knows it, the image ID it resolves to for a platform.</summary>
public sealed record ResolvedBaseImage(string Reference, string? ImageId)
{
    /// <summary>What the hash sees: the ID when known, so a moved floating tag changes the hash.</summary>
    public string Identity => ImageId ?? Reference;
}
