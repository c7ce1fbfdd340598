using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;
using Slipway.Containers.Tests.Components;
using Slipway.Containers.Tests.Registry;
using Slipway.Containers.Tests.Support;
using Slipway.Execution;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>
/// The targets as a user runs them on the sample, both platforms (arm64 under QEMU): <c>Push --signing-key</c>, then
/// <c>VerifyImages --signing-public-key</c>. What Push left is checked by skopeo, openssl and the CycloneDX schema;
/// a wrong key, a tampered payload and a missing SBOM each fail VerifyImages with one error line (the run's
/// <c>[.. ERR] Target VerifyImages failed: …</c>). The same images
/// pushed without attestations to another repository give the cost of the attestations.
/// </summary>
[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class VerifyImagesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Repository = "acme/voice";
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64");
    private readonly SampleRepository sample = new();
    private readonly TempFolder folder = new();
    private LocalRegistry registry = null!;

    public async Task InitializeAsync()
    {
        registry = await LocalRegistry.StartAsync();
        sample.CommitAll("main");
    }

    public async Task DisposeAsync()
    {
        await registry.DisposeAsync();
        sample.Dispose();
        folder.Dispose();
    }

    private Task<BuildResult> RunAsync(string repository, params string[] arguments) => RunAsync(new Dictionary<string, string>(), repository, arguments);

    private async Task<BuildResult> RunAsync(IReadOnlyDictionary<string, string> environment, string repository, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = await sample.RunAsync<AttestedServiceBuild>(environment, [.. arguments,
            "--registry", $"{registry.Address}/{repository}", "--registry-username", LocalRegistry.Username, "--registry-password", LocalRegistry.Password]);
        output.WriteLine($"{string.Join(' ', arguments)} → {repository}: exit {result.ExitCode} in {clock.Elapsed.TotalSeconds:F1} s; "
            + string.Join("; ", result.Targets.Select(t => $"{t.Name} {t.Status} {t.Duration.TotalSeconds:F1} s ({t.Note})")));
        return result;
    }

    [Fact]
    public async Task Push_with_a_signing_key_passes_VerifyImages_and_the_independent_checks_and_each_damage_fails_it_in_one_line()
    {
        var keys = await SigningKeys.CreateAsync(folder.Path, "correct passphrase");
        var summary = folder.Path / "summary.md";
        var push = await RunAsync(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary }, Repository, "Push", "--platforms", "linux/amd64", "linux/arm64",
            "--signing-key", keys.EncryptedPrivateKey, "--signing-key-passphrase", keys.Passphrase);
        Assert.True(push.ExitCode == 0, sample.LastOutput);
        Assert.DoesNotContain(keys.Passphrase, sample.LastOutput);
        Assert.Matches(@"bytes sent; attestations and signatures \d+ bytes in ", push["Push"]!.Note);
        output.WriteLine($"with attestations and signatures: {push["Push"]!.Duration.TotalSeconds:F1} s, {push["Push"]!.Note}");

        var verify = await RunAsync(Repository, "VerifyImages", "--signing-public-key", keys.PublicKey);
        Assert.True(verify.ExitCode == 0, sample.LastOutput);
        Assert.Contains("verified (linux/amd64, linux/arm64), signed with ECDSA P-256 key", verify["VerifyImages"]!.Note);

        var records = new PushedRecords(registry, Repository, folder.Path, output.WriteLine);
        var (index, digests) = await records.IndexAsync("latest", Amd64, Arm64);
        Assert.Equal(index, (await records.IndexAsync($"sha-{Head()[..7]}", Amd64, Arm64)).Index);
        foreach (var digest in digests.Values.Append(index))
            await records.AssertOpensslVerifiesTheSignatureOfAsync(digest, keys.PublicKey);
        await records.AssertTheSbomIsValidAndListsTheSamplePackagesAsync(digests[Amd64], "amd64");
        await records.AssertTheSbomIsValidAndListsTheSamplePackagesAsync(digests[Arm64], "arm64");
        AssertTheProvenanceNamesTheRun((await records.ReferrersOfAsync(digests[Arm64])).Provenance, digests[Arm64]);
        AssertTheJobSummaryListsTheAttestations(File.ReadAllText(summary), digests, index);

        var other = await SigningKeys.CreateAsync(folder.Path, "other", "other");
        AssertFailsInOneLine(await RunAsync(Repository, "VerifyImages", "--signing-public-key", other.PublicKey), "the index", "verifies with");
        using var client = new RegistryClient(registry.Address, LocalRegistry.Credentials);
        await records.WithTamperedPayloadAsync(client, digests[Amd64], async () =>
            AssertFailsInOneLine(await RunAsync(Repository, "VerifyImages", "--signing-public-key", keys.PublicKey), "linux/amd64", "verifies with"));
        await records.RemoveSbomReferrerAsync(client, digests[Arm64]);
        AssertFailsInOneLine(await RunAsync(Repository, "VerifyImages", "--signing-public-key", keys.PublicKey), "linux/arm64", "no SBOM referrer");
    }

    [Fact]
    public async Task VerifyImages_without_platforms_and_without_a_push_names_what_to_give()
    {
        var result = await sample.RunAsync<AttestedServiceBuild>(new Dictionary<string, string>(), "VerifyImages", "--registry", $"{registry.Address}/{Repository}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(TargetStatus.Failed, result["VerifyImages"]!.Status);
        Assert.EndsWith("give --platforms, the platforms the tags must hold, or run Push first", result["VerifyImages"]!.Note);
    }

    private void AssertFailsInOneLine(BuildResult result, params string[] parts)
    {
        Assert.True(result.ExitCode == 1, sample.LastOutput);
        var note = result["VerifyImages"]!;
        Assert.Equal(TargetStatus.Failed, note.Status);
        var errors = sample.LastOutput.Split('\n').Where(line => line.Contains(" ERR] ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errors);
        Assert.Contains("Target VerifyImages failed: ", line);
        output.WriteLine("VerifyImages: " + line);
        Assert.Contains($"{registry.Address}/{Repository}:", line);
        foreach (var part in parts)
            Assert.Contains(part, line);
    }

    /// <summary>Each platform's row names its manifest, SBOM, provenance and signature; the index's row its signature.</summary>
    private void AssertTheJobSummaryListsTheAttestations(string summary, Dictionary<Platform, string> digests, string index)
    {
        var section = summary[summary.IndexOf("### Attestations of", StringComparison.Ordinal)..];
        output.WriteLine(section);
        var rows = section.Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).ToList();
        foreach (var (platform, digest) in digests)
        {
            var row = Assert.Single(rows, r => r.StartsWith($"| {platform} |", StringComparison.Ordinal));
            Assert.Contains(digest, row);
            Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(row, "`sha256:[0-9a-f]{64}`").Count);
        }
        Assert.Contains(rows, r => r.StartsWith("| (index) |", StringComparison.Ordinal) && r.Contains(index));
    }

    /// <summary>The statement's subject is the platform manifest; its parameters and dependencies are the run's own.</summary>
    private void AssertTheProvenanceNamesTheRun(byte[] statement, string digest)
    {
        using var document = JsonDocument.Parse(statement);
        var root = document.RootElement;
        output.WriteLine($"provenance of {digest}: {statement.Length} bytes");
        Assert.Equal(digest, "sha256:" + root.GetProperty("subject")[0].GetProperty("digest").GetProperty("sha256").GetString());
        var definition = root.GetProperty("predicate").GetProperty("buildDefinition");
        Assert.Equal(SlsaProvenance.BuildType, definition.GetProperty("buildType").GetString());
        var external = definition.GetProperty("externalParameters");
        Assert.Equal("docker/app.Dockerfile", external.GetProperty("dockerfiles").GetProperty("app").GetString());
        Assert.Equal(["linux/amd64", "linux/arm64"], external.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.StartsWith($"{sample.ImageName}-builder:deps-", external.GetProperty("buildArgs").GetProperty("app:BUILDER_IMAGE").GetString());
        var dependencies = definition.GetProperty("resolvedDependencies").EnumerateArray().ToList();
        string Role(JsonElement d) => d.GetProperty("annotations").GetProperty("role").GetString()!;
        Assert.Equal(Head(), dependencies.Single(d => Role(d) == "source").GetProperty("digest").GetProperty("gitCommit").GetString());
        Assert.StartsWith($"{registry.Address}/{Repository}-builder:deps-", dependencies.Single(d => Role(d) == "builder-image").GetProperty("name").GetString());
        Assert.Contains(dependencies, d => Role(d) == "dependency-input" && d.GetProperty("name").GetString()!.Contains("requirements.txt"));
        Assert.All(dependencies.Where(d => Role(d) == "dependency-input"), d => Assert.Matches("^[0-9a-f]{64}$", d.GetProperty("digest").GetProperty("sha256").GetString()));
    }

    private string Head()
    {
        var start = new ProcessStartInfo("git", ["rev-parse", "HEAD"]) { WorkingDirectory = sample.Root, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var sha = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return sha;
    }
}
