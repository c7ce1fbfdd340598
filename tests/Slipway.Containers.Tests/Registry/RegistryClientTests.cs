using System.Text;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class RegistryClientTests(RegistryFixture fixture)
{
    [Fact]
    public async Task Ping_learns_that_the_registry_wants_basic_auth()
    {
        using var client = fixture.Client();

        Assert.Equal(RegistryAuthScheme.Basic, await client.PingAsync());
    }

    [Fact]
    public async Task Anonymous_access_to_a_protected_registry_says_no_credentials_were_given()
    {
        using var client = new RegistryClient(fixture.Registry.Address, null, RegistryFixture.FastRetries);

        var error = await Assert.ThrowsAsync<SlipwayException>(() => client.ListTagsAsync("voice"));

        Assert.Equal(
            $"registry {fixture.Registry.Address} refused tag listing of voice: UNAUTHORIZED authentication required (no credentials were given)",
            error.Message);
    }

    [Fact]
    public async Task Missing_manifests_and_blobs_are_reported_as_absent()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("absent");

        Assert.Null(await client.HeadManifestAsync(repository, "latest"));
        Assert.Null(await client.GetManifestAsync(repository, "sha256:" + new string('b', 64)));
        Assert.False(await client.BlobExistsAsync(repository, "sha256:" + new string('c', 64)));
        Assert.Empty(await client.ListTagsAsync(repository));
    }

    [Fact]
    public async Task A_manifest_over_a_missing_blob_is_refused_with_the_registry_code()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("invalid");
        var config = BlobSource.FromBytes("{}"u8.ToArray());
        var manifest = Encoding.UTF8.GetBytes(
            $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{"mediaType":"{{MediaTypes.OciConfig}}","digest":"{{config.Digest}}","size":2},"layers":[]}""");

        var error = await Assert.ThrowsAsync<SlipwayException>(
            () => client.PutManifestAsync(repository, "latest", manifest, MediaTypes.OciManifest));

        Assert.StartsWith($"registry {fixture.Registry.Address} refused push to {repository}: MANIFEST_BLOB_UNKNOWN", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Deletes_a_manifest_where_the_registry_allows_it()
    {
        using var client = fixture.Client();
        var repository = RegistryFixture.NewRepository("delete");
        var pushed = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), repository);

        Assert.Equal(ManifestDeletion.Deleted, await client.DeleteManifestAsync(repository, pushed.Manifest.Digest));
        Assert.Null(await client.HeadManifestAsync(repository, pushed.Manifest.Digest));
        Assert.Equal(ManifestDeletion.NotFound, await client.DeleteManifestAsync(repository, pushed.Manifest.Digest));
    }

    [Fact]
    public async Task Delete_is_reported_unsupported_where_the_registry_forbids_it()
    {
        await using var registry = await LocalRegistry.StartAsync(htpasswd: false, deleteEnabled: false);
        using var client = new RegistryClient(registry.Address, null, RegistryFixture.FastRetries);
        var pushed = await new ImagePusher(client).PushAsync(new MemoryStream(fixture.Arm64Archive), "voice");

        Assert.Equal(ManifestDeletion.Unsupported, await client.DeleteManifestAsync("voice", pushed.Manifest.Digest));
        Assert.Equal(RegistryAuthScheme.Anonymous, client.AuthScheme);
    }
}
