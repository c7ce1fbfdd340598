using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>
/// What a push left in one repository of the local registry, checked by tools that are not Slipway's (skopeo, a bare
/// HTTP GET, openssl, the CycloneDX schema), and the damage the verifier must catch: a tampered signed payload, a
/// removed SBOM referrer.
/// </summary>
internal sealed class PushedRecords(LocalRegistry registry, string repository, string workFolder, Action<string> log)
{
    /// <summary>The platform → manifest digest of the tag as skopeo reads it; the index holds exactly <paramref name="platforms"/>.</summary>
    public async Task<(string Index, Dictionary<Platform, string> Platforms)> IndexAsync(string tag, params Platform[] platforms)
    {
        var raw = await RawRegistry.InspectRawBytesAsync(registry, repository, tag);
        using var document = JsonDocument.Parse(raw);
        var entries = document.RootElement.GetProperty("manifests").EnumerateArray().Select(m => (
            Platform: new Platform(m.GetProperty("platform").GetProperty("os").GetString()!, m.GetProperty("platform").GetProperty("architecture").GetString()!),
            Digest: m.GetProperty("digest").GetString()!)).ToList();
        Assert.Equal(platforms, entries.Select(e => e.Platform));
        return ("sha256:" + Convert.ToHexStringLower(SHA256.HashData(raw)), entries.ToDictionary(e => e.Platform, e => e.Digest));
    }

    /// <summary><c>openssl dgst -sha256 -verify</c> accepts the one signature of <paramref name="digest"/>, whose payload names
    /// that digest and this repository.</summary>
    public async Task AssertOpensslVerifiesTheSignatureOfAsync(string digest, string publicKey)
    {
        using var signature = await RawRegistry.InspectRawAsync(registry, repository, CosignSignatures.TagFor(digest));
        var layer = Assert.Single(signature.RootElement.GetProperty("layers").EnumerateArray());
        Assert.Equal("application/vnd.dev.cosign.simplesigning.v1+json", layer.GetProperty("mediaType").GetString());
        var payload = await RawRegistry.GetBlobAsync(registry, repository, layer.GetProperty("digest").GetString()!);
        var bytes = Convert.FromBase64String(layer.GetProperty("annotations").GetProperty("dev.cosignproject.cosign/signature").GetString()!);
        Assert.True(await SigningKeys.OpensslVerifiesAsync(workFolder, publicKey, payload, bytes), $"openssl rejects the signature of {digest}");
        using var claims = JsonDocument.Parse(payload);
        var critical = claims.RootElement.GetProperty("critical");
        Assert.Equal(digest, critical.GetProperty("image").GetProperty("docker-manifest-digest").GetString());
        Assert.Equal($"{registry.Address}/{repository}", critical.GetProperty("identity").GetProperty("docker-reference").GetString());
    }

    /// <summary>The referrers tag of <paramref name="digest"/> lists an SBOM and a provenance statement whose subject is
    /// it; returns their contents.</summary>
    public async Task<(byte[] Sbom, byte[] Provenance)> ReferrersOfAsync(string digest)
    {
        using var referrers = await RawRegistry.InspectRawAsync(registry, repository, ReferrersIndex.TagFor(digest));
        var entries = referrers.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal(["application/vnd.cyclonedx+json", "application/vnd.in-toto+json"], entries.Select(e => e.GetProperty("artifactType").GetString()));
        var contents = new List<byte[]>();
        foreach (var entry in entries)
        {
            using var artifact = await RawRegistry.InspectRawAsync(registry, repository, entry.GetProperty("digest").GetString()!);
            Assert.Equal(digest, artifact.RootElement.GetProperty("subject").GetProperty("digest").GetString());
            contents.Add(await RawRegistry.GetBlobAsync(registry, repository, artifact.RootElement.GetProperty("layers")[0].GetProperty("digest").GetString()!));
        }
        return (contents[0], contents[1]);
    }

    /// <summary>The SBOM of <paramref name="digest"/> is valid CycloneDX and lists the sample's native distribution and the
    /// runtime's PortAudio for <paramref name="architecture"/>, not the builder's compilers.</summary>
    public async Task AssertTheSbomIsValidAndListsTheSamplePackagesAsync(string digest, string architecture = "amd64")
    {
        var sbom = (await ReferrersOfAsync(digest)).Sbom;
        Assert.Empty(CycloneDxSchema.Errors(sbom));
        using var document = JsonDocument.Parse(sbom);
        var purls = document.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()!).ToList();
        log($"SBOM of {digest}: {sbom.Length} bytes, {purls.Count} components");
        Assert.Contains("pkg:pypi/voice-native@0.1.0", purls);
        Assert.Contains(purls, p => p.StartsWith("pkg:deb/debian/libportaudio2@", StringComparison.Ordinal) && p.EndsWith($"?arch={architecture}", StringComparison.Ordinal));
        Assert.DoesNotContain(purls, p => p.StartsWith("pkg:deb/debian/gcc-12@", StringComparison.Ordinal)
            || p.StartsWith("pkg:deb/debian/portaudio19-dev@", StringComparison.Ordinal)); // the builder's compilers and headers stay out
    }

    /// <summary>Replaces the signed payload (another repository named, the signature kept), runs the check, puts it back.</summary>
    public async Task WithTamperedPayloadAsync(RegistryClient client, string digest, Func<Task> check)
    {
        var tag = CosignSignatures.TagFor(digest);
        var original = (await client.GetManifestAsync(repository, tag))!;
        var manifest = JsonNode.Parse(original.Content)!;
        var layer = manifest["layers"]![0]!;
        var payload = (await client.GetBlobAsync(repository, (string)layer["digest"]!))!;
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(payload).Replace(repository, "acme/evil"));
        var blob = BlobSource.FromBytes(tampered);
        await client.PushBlobAsync(repository, blob);
        layer["digest"] = blob.Digest;
        layer["size"] = blob.Size;
        await client.PutManifestAsync(repository, tag, Encoding.UTF8.GetBytes(manifest.ToJsonString()), MediaTypes.OciManifest);
        await check();
        await client.PutManifestAsync(repository, tag, original.Content, original.MediaType);
    }

    public async Task RemoveSbomReferrerAsync(RegistryClient client, string digest)
    {
        var tag = ReferrersIndex.TagFor(digest);
        var index = JsonNode.Parse((await client.GetManifestAsync(repository, tag))!.Content)!;
        var manifests = index["manifests"]!.AsArray();
        foreach (var entry in manifests.Where(e => (string?)e!["artifactType"] == CycloneDxSbom.MediaType).ToList())
            manifests.Remove(entry);
        await client.PutManifestAsync(repository, tag, Encoding.UTF8.GetBytes(index.ToJsonString()), MediaTypes.OciIndex);
    }
}
