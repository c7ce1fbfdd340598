namespace Slipway.Containers.Registry;

/// <summary>The platform an image manifest is for, as an index records it: os, architecture and optional variant.</summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null)
{
    /// <summary>Reads <c>os/arch[/variant]</c>, e.g. <c>linux/arm64</c> or <c>linux/arm/v7</c>.</summary>
    public static ImagePlatform Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
            throw new SlipwayException($"invalid platform '{text}': expected os/architecture[/variant], e.g. linux/arm64");
        return new ImagePlatform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
