using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Slipway.Containers.Engine;
using Slipway.Containers.Engine.Session;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine.Session;

/// <summary>A builder reads a secret with RUN --mount=type=secret through the session; the value stays out of the image.</summary>
[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class BuildSecretsTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly TempFolder _context = new();
    private readonly LogCapture _log = new();
    private readonly string _tag = $"slipway-test/secret:{Guid.NewGuid():N}"[..40];

    public void Dispose()
    {
        fixture.Engine.RemoveImageAsync(_tag, force: true).GetAwaiter().GetResult();
        _context.Dispose();
    }

    [Fact]
    public async Task A_secret_mount_reads_the_value_and_leaves_it_in_no_layer_history_label_or_log()
    {
        var secret = "s3cret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var pythonBuilder = await PythonBuilderImageAsync();
        _context.Write("Dockerfile",
            $"FROM {pythonBuilder}\n" +
            "LABEL purpose=secret-test\n" +
            "RUN --mount=type=secret,id=token python3 -c \"import hashlib; " +
            "print(hashlib.sha256(open('/run/secrets/token','rb').read()).hexdigest())\" > /token.sha256 && echo digest written\n");
        var environment = new Dictionary<string, string> { ["SLIPWAY_TEST_TOKEN"] = secret };

        var built = await fixture.Builder().BuildAsync(new ImageBuild(_context.Path)
        {
            Tags = [_tag],
            NoCache = true,
            Secrets = [BuildSecret.Parse("id=token,env=SLIPWAY_TEST_TOKEN", environment)],
        }, _log.Logger);

        var digest = await fixture.Engine.RunAsync(_tag, ["cat", "/token.sha256"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))), digest.StandardOutput.Trim());
        Assert.Contains(_log.Lines, line => line.Contains("digest written"));
        Assert.DoesNotContain(_log.Lines, line => line.Contains(secret));
        var image = await fixture.Engine.InspectImageAsync(_tag);
        Assert.Equal(built.Id, image!.Id);
        Assert.DoesNotContain(image.Labels, label => label.Value.Contains(secret) || label.Key.Contains(secret));
        var digestText = digest.StandardOutput.Trim();
        var found = await FilesHoldingAsync(_tag, [secret, digestText]);
        Assert.Empty(found[secret]);
        Assert.Contains(found[digestText], name => name.EndsWith(":token.sha256", StringComparison.Ordinal)); // the search does find what is there
        Assert.Contains(found["secret-test"], name => !name.Contains(':')); // the label, in the config
    }

    /// <summary>Every file of <c>docker save</c> (config with its history, manifest, each layer's files) that holds the text.</summary>
    private async Task<Dictionary<string, List<string>>> FilesHoldingAsync(string reference, string[] texts)
    {
        var (holding, layers) = await SavedImageSearch.SearchAsync(fixture.Engine, reference, _context.Path / "saved.tar", [.. texts, "secret-test"]);
        Assert.True(layers > 1, $"docker save gave {layers} layers");
        return holding;
    }

    private async Task<string> PythonBuilderImageAsync()
    {
        var images = await fixture.Engine.ListImagesAsync("slipway-base/python-builder", new Dictionary<string, string>());
        var image = images.FirstOrDefault(image => image.Architecture == "amd64" && image.Tags.Count > 0)
            ?? throw new InvalidOperationException("no stand-in slipway-base/python-builder image: run ./build.sh ProvisionTestMachine");
        return image.Tags[0];
    }
}
