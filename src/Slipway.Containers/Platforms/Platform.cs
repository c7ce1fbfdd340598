namespace Slipway.Containers.Platforms;

/// <summary>A target platform as engines and registries spell it: <c>linux/amd64</c>, <c>linux/arm64</c>, <c>linux/arm/v7</c>.
/// <see cref="Parse"/> checks and normalises what a user asks for; the constructor takes what an image config or a
/// registry index records, as it is (an index may also hold e.g. <c>unknown/unknown</c> attestations).</summary>
public sealed record Platform(string Os, string Architecture, string? Variant = null)
{
    private static readonly IReadOnlyList<string> KnownArchitectures = ["amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64"];

    public static Platform Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
            throw Invalid(text, "expected os/architecture[/variant]");
        if (parts[0] != "linux")
            throw Invalid(text, "only linux images are built");
        var architecture = parts[1] switch { "x86_64" => "amd64", "aarch64" => "arm64", var other => other };
        if (!KnownArchitectures.Contains(architecture))
            throw Invalid(text, $"unknown architecture '{parts[1]}' (known: {string.Join(", ", KnownArchitectures)})");
        var variant = parts.Length == 3 ? parts[2] : null;
        if (architecture == "arm64" && variant == "v8")
            variant = null;
        return new Platform(parts[0], architecture, variant);
    }

    /// <summary>For tags and file names: <c>linux-arm64</c>.</summary>
    public string Slug => ToString().Replace('/', '-');

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    private static SlipwayException Invalid(string text, string why) =>
        new($"invalid platform '{text}': {why}, e.g. linux/amd64 or linux/arm64");
}
