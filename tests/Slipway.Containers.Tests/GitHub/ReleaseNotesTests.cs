using Slipway.Containers.GitHub;

namespace Slipway.Containers.Tests.GitHub;

public sealed class ReleaseNotesTests
{
    private const string Amd = "sha256:" + "1111111111111111111111111111111111111111111111111111111111111111";
    private const string Arm = "sha256:" + "2222222222222222222222222222222222222222222222222222222222222222";

    [Fact]
    public void Lists_each_image_reference_with_its_platform_digests()
    {
        var section = ReleaseNotes.ImagesSection([
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/arm64", Arm),
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/amd64", Amd),
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/amd64", Amd),
        ]);

        Assert.Equal(
            $"""
            <!-- slipway:images -->
            ## Container images

            ### `ghcr.io/acme/voice:1.2.3`

            | Platform | Digest | Pull by digest |
            | --- | --- | --- |
            | linux/amd64 | `{Amd}` | `ghcr.io/acme/voice@{Amd}` |
            | linux/arm64 | `{Arm}` | `ghcr.io/acme/voice@{Arm}` |
            <!-- /slipway:images -->
            """.ReplaceLineEndings("\n"),
            section);
    }

    [Fact]
    public void Attested_images_list_their_sbom_provenance_and_signature_digests()
    {
        var section = ReleaseNotes.ImagesSection([
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/amd64", Amd, "sha256:5b", "sha256:9a", "sha256:51"),
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/arm64", Arm, "sha256:5c", "sha256:9b", null),
        ]);

        Assert.Contains(
            $"""
            | Platform | Digest | Pull by digest | SBOM | Provenance | Signature |
            | --- | --- | --- | --- | --- | --- |
            | linux/amd64 | `{Amd}` | `ghcr.io/acme/voice@{Amd}` | `sha256:5b` | `sha256:9a` | `sha256:51` |
            | linux/arm64 | `{Arm}` | `ghcr.io/acme/voice@{Arm}` | `sha256:5c` | `sha256:9b` | none |
            """.ReplaceLineEndings("\n"),
            section);
    }

    [Fact]
    public void Refuses_two_digests_for_one_platform_of_one_reference()
    {
        var failure = Assert.Throws<SlipwayException>(() => ReleaseNotes.ImagesSection([
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/amd64", Amd),
            new PublishedImage("ghcr.io/acme/voice", "1.2.3", "linux/amd64", Arm),
        ]));

        Assert.Equal($"ghcr.io/acme/voice:1.2.3 has two digests for linux/amd64: {Amd}, {Arm}", failure.Message);
    }

    [Fact]
    public void Replaces_only_its_own_section_of_a_body()
    {
        var body = "Notes someone wrote.\n\n" + ReleaseNotes.SectionStart + "\nold\n" + ReleaseNotes.SectionEnd + "\n\nThanks!\n";

        Assert.Equal("Notes someone wrote.\n\nNEW\n\nThanks!\n", ReleaseNotes.Merge(body, "NEW"));
        Assert.Equal("Notes.\n\nNEW\n", ReleaseNotes.Merge("Notes.\n", "NEW"));
        Assert.Equal("NEW\n", ReleaseNotes.Merge(null, "NEW"));
    }
}
