using System.Diagnostics;
using System.Runtime.Versioning;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Components;
using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>
/// The sample's real app image (built by the engine for the host) and a synthetic arm64 image, pushed to Debian's
/// docker-registry with their SBOM, provenance and cosign signatures, then checked by skopeo, openssl and the CycloneDX
/// schema (not by Slipway) and read back by the verifier, which must also catch a tampered payload, a wrong key and a
/// missing SBOM in one line each.
/// </summary>
[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class AttestedPushTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");
    private readonly SampleRepository sample = new();
    private readonly TempFolder folder = new();
    private readonly string repository = $"acme/voice-{Guid.NewGuid().ToString("N")[..8]}";
    private LocalRegistry registry = null!;

    public async Task InitializeAsync() => registry = await LocalRegistry.StartAsync();

    public async Task DisposeAsync()
    {
        await registry.DisposeAsync();
        sample.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Every_pushed_digest_is_attested_and_signed_and_the_verifier_catches_tampering()
    {
        var archives = new[] { await SaveSampleAppImageAsync(), WriteArm64Archive() };
        var keys = await SigningKeys.CreateAsync(folder.Path, "correct passphrase");
        using var signer = EcdsaKeySigner.FromFile(keys.EncryptedPrivateKey, keys.Passphrase);
        using var client = new RegistryClient(registry.Address, LocalRegistry.Credentials);
        var attestor = new ImageAttestor(client, "1.0.0-test");
        var time = AttestationTime.From(new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1790000000" }, TimeProvider.System);
        var pushed = new List<PushedImage>();
        foreach (var archive in archives)
        {
            await using (var stream = File.OpenRead(archive))
                pushed.Add(await new ImagePusher(client).PushAsync(stream, repository));
            var attested = await attestor.AttestAsync(repository, pushed[^1].Manifest, archive, SlsaProvenanceTests.Inputs(), time, signer);
            output.WriteLine($"{attested.Platform}: image archive {new FileInfo(archive).Length} bytes, push {pushed[^1].Report.BytesSent} bytes in "
                + $"{pushed[^1].Report.Elapsed.TotalMilliseconds:F0} ms; attestations {attested.BytesSent} bytes in {attested.Elapsed.TotalMilliseconds:F0} ms "
                + $"(SBOM {attested.Sbom.BytesSent} B / {attested.Sbom.Elapsed.TotalMilliseconds:F0} ms, provenance {attested.Provenance.BytesSent} B / "
                + $"{attested.Provenance.Elapsed.TotalMilliseconds:F0} ms, signature {attested.Signature!.BytesSent} B / {attested.Signature.Elapsed.TotalMilliseconds:F0} ms)");
        }
        var index = await new MultiPlatformIndex(client).WriteAsync(repository, "dev", pushed.Select(p => p.ToPlatformManifest()).ToList());
        var indexSignature = await attestor.SignAsync(repository, index.Digest, signer);
        output.WriteLine($"index signature: {indexSignature.BytesSent} bytes in {indexSignature.Elapsed.TotalMilliseconds:F0} ms");

        var records = new PushedRecords(registry, repository, folder.Path, output.WriteLine);
        var (indexDigest, digests) = await records.IndexAsync("dev", Amd64, Arm64);
        Assert.Equal(index.Digest, indexDigest);
        foreach (var digest in digests.Values.Append(index.Digest))
            await records.AssertOpensslVerifiesTheSignatureOfAsync(digest, keys.PublicKey);
        await records.AssertTheSbomIsValidAndListsTheSamplePackagesAsync(digests[Amd64]);

        using var publicKey = EcdsaPublicKey.FromFile(keys.PublicKey);
        var verifier = new AttestationVerifier(client, publicKey);
        var verified = await verifier.VerifyAsync(repository, "dev", [Amd64, Arm64]);
        Assert.Equal([digests[Amd64], digests[Arm64]], verified.Platforms.Select(p => p.ManifestDigest));
        Assert.All(verified.Platforms, p => Assert.NotNull(p.SignatureDigest));

        var other = await SigningKeys.CreateAsync(folder.Path, "other", "other");
        using (var wrongKey = EcdsaPublicKey.FromFile(other.PublicKey))
            AssertOneLine(await FailureAsync(new AttestationVerifier(client, wrongKey)), "the index", "verifies with");

        await records.WithTamperedPayloadAsync(client, digests[Amd64], async () =>
            AssertOneLine(await FailureAsync(verifier), "linux/amd64", "verifies with"));

        await records.RemoveSbomReferrerAsync(client, digests[Arm64]);
        AssertOneLine(await FailureAsync(verifier), "linux/arm64", "no SBOM referrer");
    }

    private async Task<string> FailureAsync(AttestationVerifier verifier) =>
        (await Assert.ThrowsAsync<SlipwayException>(() => verifier.VerifyAsync(repository, "dev", [Amd64, Arm64]))).Message;

    private void AssertOneLine(string message, params string[] parts)
    {
        output.WriteLine("verifier: " + message);
        Assert.DoesNotContain('\n', message);
        Assert.Contains($"{registry.Address}/{repository}:dev", message);
        foreach (var part in parts)
            Assert.Contains(part, message);
    }

    private async Task<string> SaveSampleAppImageAsync()
    {
        var clock = Stopwatch.StartNew();
        var build = await sample.RunAsync("BuildAppImage");
        Assert.True(build.ExitCode == 0, sample.LastOutput);
        var listed = await ProcessRunner.RunCheckedAsync("docker", ["images", "--format", "{{.Repository}}:{{.Tag}}", sample.ImageName]);
        var image = listed.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        var archive = folder.Path / "amd64.tar";
        await ProcessRunner.RunCheckedAsync("docker", ["save", "-o", archive, image]);
        output.WriteLine($"built and saved {image} in {clock.Elapsed.TotalSeconds:F0} s");
        return archive;
    }

    private string WriteArm64Archive()
    {
        var archive = folder.Path / "arm64.tar";
        File.WriteAllBytes(archive, LayeredArchive.Create("arm64",
        [
            new Dictionary<string, string?>
            {
                ["var/lib/dpkg/status"] = Samples.DpkgEntry("libc6", "2.36-9+deb12u4", "arm64") + Samples.DpkgEntry("libportaudio2", "19.6.0-1.2", "arm64"),
            },
            new Dictionary<string, string?>
            {
                [$"{Samples.Venv}/voice_native-0.1.0.dist-info/METADATA"] = Samples.Metadata("voice-native", "0.1.0"),
            },
        ], gzip: true));
        return archive;
    }
}
