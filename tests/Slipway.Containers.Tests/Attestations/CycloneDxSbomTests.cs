using System.Text.Json;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Tests.Attestations;

public sealed class CycloneDxSbomTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly ImageInventory Inventory = new(new Platform("linux", "arm64"),
        [
            new PythonDistribution("Voice_Native", "0.1.0", PackageLicense.Spdx("MIT OR Apache-2.0")),
            new PythonDistribution("wheel", "0.38.4", PackageLicense.Id("MIT")),
            new PythonDistribution("odd", "1.0+local.1", PackageLicense.Named(["Some \"quoted\" licence"])),
            new PythonDistribution("bare", "2", null),
        ],
        [new DebianPackage("libportaudio2", "19.6.0-1.2", "arm64"), new DebianPackage("libc6", "2.36-9+deb12u4", "arm64"), new DebianPackage("tzdata", "2024a-0+deb12u1", "all")]);

    private static readonly SbomSubject Subject = new("127.0.0.1:5000/acme/voice", Digest, new Platform("linux", "arm64"));

    private static readonly DateTimeOffset Time = DateTimeOffset.FromUnixTimeSeconds(1790000000);

    [Fact]
    public void Validates_against_the_CycloneDX_1_6_schema()
    {
        var sbom = CycloneDxSbom.Write(Inventory, Subject, Time, "1.2.3");

        Assert.Empty(CycloneDxSchema.Errors(sbom));
    }

    [Fact]
    public void The_schema_check_catches_a_broken_document()
    {
        var broken = System.Text.Encoding.UTF8.GetString(CycloneDxSbom.Write(Inventory, Subject, Time, "1.2.3"))
            .Replace("\"type\": \"library\"", "\"type\": \"gadget\"");

        Assert.NotEmpty(CycloneDxSchema.Errors(System.Text.Encoding.UTF8.GetBytes(broken)));
    }

    [Fact]
    public void Describes_the_image_by_its_manifest_digest_and_lists_components_sorted_by_purl()
    {
        using var document = JsonDocument.Parse(CycloneDxSbom.Write(Inventory, Subject, Time, "1.2.3"));
        var root = document.RootElement;

        Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
        Assert.Equal("2026-09-21T14:13:20Z", root.GetProperty("metadata").GetProperty("timestamp").GetString());
        var image = root.GetProperty("metadata").GetProperty("component");
        Assert.Equal("container", image.GetProperty("type").GetString());
        Assert.Equal(Digest, image.GetProperty("version").GetString());
        Assert.Equal(Digest[7..], image.GetProperty("hashes")[0].GetProperty("content").GetString());
        Assert.Equal("pkg:oci/voice@sha256%3A" + Digest[7..] + "?arch=arm64&repository_url=127.0.0.1%3A5000/acme/voice", image.GetProperty("purl").GetString());
        var purls = root.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        Assert.Equal(purls.Order(StringComparer.Ordinal), purls);
        Assert.Contains("pkg:pypi/voice-native@0.1.0", purls);
        Assert.Contains("pkg:pypi/odd@1.0+local.1", purls);
        Assert.Contains("pkg:deb/debian/libportaudio2@19.6.0-1.2?arch=arm64", purls);
        var voice = root.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Voice_Native");
        Assert.Equal("MIT OR Apache-2.0", voice.GetProperty("licenses")[0].GetProperty("expression").GetString());
    }

    [Fact]
    public void The_same_inventory_subject_and_time_give_the_same_bytes_and_another_image_another_serial()
    {
        var first = CycloneDxSbom.Write(Inventory, Subject, Time, "1.2.3");
        var again = CycloneDxSbom.Write(Inventory with { Distributions = Inventory.Distributions.Reverse().ToList() }, Subject, Time, "1.2.3");
        var other = CycloneDxSbom.Write(Inventory, Subject with { ManifestDigest = "sha256:" + new string('f', 64) }, Time, "1.2.3");

        Assert.Equal(first, again);
        string Serial(byte[] sbom) => JsonDocument.Parse(sbom).RootElement.GetProperty("serialNumber").GetString()!;
        Assert.NotEqual(Serial(first), Serial(other));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Serial(first));
    }

    [Fact]
    public void Takes_the_time_from_SOURCE_DATE_EPOCH_when_it_is_set()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero));

        Assert.Equal(Time, AttestationTime.From(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1790000000" }, clock));
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero), AttestationTime.From(new Dictionary<string, string>(), clock));
        Assert.Throws<SlipwayException>(() => AttestationTime.From(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "yesterday" }, clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
