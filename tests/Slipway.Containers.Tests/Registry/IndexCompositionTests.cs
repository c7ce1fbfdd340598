using System.Text;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

public sealed class IndexCompositionTests
{
    private static readonly PlatformManifest Amd64 = new(
        new ContentDescriptor(MediaTypes.OciManifest, "sha256:" + new string('1', 64), 500), new Platform("linux", "amd64"));

    private static readonly PlatformManifest Arm64 = new(
        new ContentDescriptor(MediaTypes.OciManifest, "sha256:" + new string('2', 64), 501), new Platform("linux", "arm64", "v8"));

    [Fact]
    public void Writes_an_oci_index_whose_digest_does_not_depend_on_the_order_of_platforms()
    {
        var one = MultiPlatformIndex.Compose([Amd64, Arm64]);
        var other = MultiPlatformIndex.Compose([Arm64, Amd64]);

        Assert.Equal(one.Digest, other.Digest);
        Assert.Equal(MediaTypes.OciIndex, one.MediaType);
        Assert.Equal(
            $$$"""{"schemaVersion":2,"mediaType":"{{{MediaTypes.OciIndex}}}","manifests":[{"mediaType":"{{{MediaTypes.OciManifest}}}","digest":"{{{Amd64.Manifest.Digest}}}","size":500,"platform":{"architecture":"amd64","os":"linux"}},{"mediaType":"{{{MediaTypes.OciManifest}}}","digest":"{{{Arm64.Manifest.Digest}}}","size":501,"platform":{"architecture":"arm64","os":"linux","variant":"v8"}}]}""",
            Encoding.UTF8.GetString(one.Content));
    }

    [Fact]
    public void Writes_a_docker_manifest_list_when_every_child_is_docker()
    {
        var docker = new[] { Amd64, Arm64 }.Select(p => p with { Manifest = p.Manifest with { MediaType = MediaTypes.DockerManifest } }).ToList();

        Assert.Equal(MediaTypes.DockerManifestList, MultiPlatformIndex.Compose(docker).MediaType);
    }

    [Fact]
    public void Refuses_duplicate_platforms_nested_indexes_and_empty_lists()
    {
        Assert.Contains("appears 2 times", Assert.Throws<SlipwayException>(() => MultiPlatformIndex.Compose([Amd64, Amd64])).Message);
        var nested = Amd64 with { Manifest = Amd64.Manifest with { MediaType = MediaTypes.OciIndex } };
        Assert.Contains("not an image manifest", Assert.Throws<SlipwayException>(() => MultiPlatformIndex.Compose([nested])).Message);
        Assert.Throws<SlipwayException>(() => MultiPlatformIndex.Compose([]));
    }
}
