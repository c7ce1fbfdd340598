using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

public sealed class ImageReferenceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("python", "docker.io", "library/python", null, null)]
    [InlineData("python:3.11-slim", "docker.io", "library/python", "3.11-slim", null)]
    [InlineData("acme/voice", "docker.io", "acme/voice", null, null)]
    [InlineData("index.docker.io/acme/voice:1.0", "docker.io", "acme/voice", "1.0", null)]
    [InlineData("ghcr.io/acme/voice:sha-abc1234", "ghcr.io", "acme/voice", "sha-abc1234", null)]
    [InlineData("127.0.0.1:5000/voice", "127.0.0.1:5000", "voice", null, null)]
    [InlineData("127.0.0.1:5000/voice:Latest_1", "127.0.0.1:5000", "voice", "Latest_1", null)]
    [InlineData("localhost/voice", "localhost", "voice", null, null)]
    [InlineData("registry.example.com:443/a/b/c@" + Digest, "registry.example.com:443", "a/b/c", null, Digest)]
    [InlineData("ghcr.io/acme/voice:1.2@" + Digest, "ghcr.io", "acme/voice", "1.2", Digest)]
    [InlineData("ghcr.io/acme/my_voice__x-y.z", "ghcr.io", "acme/my_voice__x-y.z", null, null)]
    public void Parses_registry_repository_tag_and_digest(string text, string registry, string repository, string? tag, string? digest)
    {
        var reference = ImageReference.Parse(text);

        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
    }

    [Theory]
    [InlineData("ghcr.io/Acme/voice", "invalid image reference 'ghcr.io/Acme/voice': repository path component 'Acme' must be lowercase (use 'acme')")]
    [InlineData("Voice", "invalid image reference 'Voice': repository path component 'Voice' must be lowercase (use 'voice')")]
    [InlineData("GHCR.io/acme/voice", "invalid image reference 'GHCR.io/acme/voice': registry host 'GHCR.io' must be lowercase (use 'ghcr.io')")]
    [InlineData("ghcr.io/acme/my voice", "invalid image reference 'ghcr.io/acme/my voice': repository path component 'my voice' contains whitespace")]
    [InlineData("ghcr.io/acme/voice:my tag", "invalid image reference 'ghcr.io/acme/voice:my tag': tag 'my tag' contains whitespace")]
    [InlineData("ghcr.io/acme/voice:-bad", "invalid image reference 'ghcr.io/acme/voice:-bad': tag '-bad' is not valid: 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'")]
    [InlineData("ghcr.io/acme//voice", "invalid image reference 'ghcr.io/acme//voice': repository 'acme//voice' has an empty path component")]
    [InlineData("ghcr.io/acme/voice@sha256:abc", "invalid image reference 'ghcr.io/acme/voice@sha256:abc': digest 'sha256:abc' is not valid: expected 'sha256:' and 64 lowercase hex digits")]
    [InlineData("ghcr.io/acme/-voice", "invalid image reference 'ghcr.io/acme/-voice': repository path component '-voice' is not valid: use lowercase letters and digits, separated by '.', '_', '__' or dashes")]
    [InlineData("", "invalid image reference: it is empty")]
    [InlineData("   ", "invalid image reference: it is empty")]
    public void Rejects_bad_references_naming_the_bad_part(string text, string message)
    {
        var error = Assert.Throws<SlipwayException>(() => ImageReference.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Prints_the_normalised_form_and_builds_variants()
    {
        var reference = ImageReference.Parse("python:3.11");

        Assert.Equal("docker.io/library/python:3.11", reference.ToString());
        Assert.Equal("docker.io/library/python@" + Digest, reference.WithDigest(Digest).ToString());
        Assert.Equal("3.11", reference.ManifestReference);
        Assert.Equal("127.0.0.1:5000/voice:latest", ImageReference.Create("127.0.0.1:5000", "voice").WithTag("latest").ToString());
        Assert.Throws<SlipwayException>(() => ImageReference.Create("ghcr.io", "Acme/voice"));
    }

    [Fact]
    public void TryParse_reports_instead_of_throwing()
    {
        Assert.True(ImageReference.TryParse("ghcr.io/acme/voice", out var good, out _));
        Assert.Equal("ghcr.io/acme/voice", good.Name);
        Assert.False(ImageReference.TryParse("ghcr.io/Acme/voice", out _, out var error));
        Assert.Contains("'Acme'", error);
    }
}
