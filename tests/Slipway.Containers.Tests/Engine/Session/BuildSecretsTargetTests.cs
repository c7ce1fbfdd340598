using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Components;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Engine.Session;

/// <summary><c>--build-secrets</c> as a user gives it to <c>./build.sh BuildAppImage</c>: the builder's and the app's
/// <c>RUN --mount=type=secret</c> read it, and it reaches no layer, history, label, log file or console.</summary>
[Collection("engine")]
[SupportedOSPlatform("linux")]
public sealed class BuildSecretsTargetTests : IDisposable
{
    // BuildKit's cache key of a step leaves the secret's value out: each run's step is made new by its own marker.
    private static string BuilderDockerfile(string marker) =>
        "ARG BASE_IMAGE=python:3.11-bookworm\n" +
        "FROM ${BASE_IMAGE} AS builder\n" +
        "RUN python3 -m venv --without-pip /opt/venv\n" +
        "WORKDIR /src\n" +
        "COPY app/requirements.txt ./\n" +
        // The step prints the secret too: the build's log must show it masked.
        "RUN --mount=type=secret,id=token python3 -c \"import hashlib; " +
        "print(hashlib.sha256(open('/run/secrets/token','rb').read()).hexdigest())\" > /opt/venv/token.sha256 " +
        $"&& echo \"printed: $(cat /run/secrets/token)\" && echo digest written {marker}\n";

    /// <summary>What the builder's image history says of the step that reads the secret.</summary>
    private const string Step = "printed: $(cat /run/secrets/token)";

    private readonly SampleRepository _repository = new();
    private readonly string _secret = "s3cret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task A_build_secret_reaches_the_secret_mounts_and_no_layer_history_label_or_log()
    {
        var marker = Guid.NewGuid().ToString("N");
        _repository.Write("docker/builder.Dockerfile", BuilderDockerfile(marker));
        var app = File.ReadAllText(_repository.Root / "docker/app.Dockerfile");
        _repository.Write("docker/app.Dockerfile", app.Replace("USER appuser\n",
            $"RUN --mount=type=secret,id=token,required=true wc -c < /run/secrets/token > /opt/token.length && echo {marker}\nUSER appuser\n", StringComparison.Ordinal));

        var result = await _repository.RunAsync(new Dictionary<string, string> { ["SLIPWAY_TEST_TOKEN"] = _secret },
            "BuildAppImage", "--build-secrets", "id=token,env=SLIPWAY_TEST_TOKEN", "--verbosity", "verbose");

        var console = _repository.LastOutput;
        Assert.True(result.ExitCode == 0, console);
        using var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        var builder = (await engine.ListImagesAsync(_repository.ImageName + "-builder", new Dictionary<string, string>())).Single().Tags[0];
        var appImage = (await engine.ListImagesAsync(_repository.ImageName, new Dictionary<string, string>())).Single().Tags[0];
        var digest = (await engine.RunAsync(appImage, ["cat", "/opt/venv/token.sha256"])).StandardOutput.Trim();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_secret))), digest);
        Assert.Equal(_secret.Length.ToString(), (await engine.RunAsync(appImage, ["cat", "/opt/token.length"])).StandardOutput.Trim());

        var log = File.ReadAllText(_repository.Root / ".nuke/temp/build.log");
        Assert.Contains("printed: ****", console); // the step did print the secret, masked
        Assert.Contains("printed: ****", log);
        Assert.DoesNotContain(_secret, console);
        Assert.DoesNotContain(_secret, log);
        foreach (var image in new[] { builder, appImage })
        {
            var details = await engine.InspectImageAsync(image);
            Assert.DoesNotContain(details!.Labels, label => label.Key.Contains(_secret) || label.Value.Contains(_secret));
            var (holding, layers) = await SavedImageSearch.SearchAsync(engine, image, _repository.Root / ".nuke/temp/saved.tar", _secret, digest, Step);
            Assert.True(layers > 1, $"{image}: docker save gave {layers} layers");
            Assert.Empty(holding[_secret]);
            Assert.Contains(holding[digest], name => name.EndsWith(":opt/venv/token.sha256", StringComparison.Ordinal)); // the search finds what is there
            if (image == builder)
                Assert.NotEmpty(holding[Step]); // its history, which holds the step's command but not the value
        }
    }

    [Theory]
    [InlineData("id=token,colour=red", "--build-secrets: invalid secret 'id=token,colour=red': unknown key 'colour'")]
    [InlineData("id=token,env=SLIPWAY_TEST_NOT_SET", "--build-secrets: secret 'token' reads environment variable SLIPWAY_TEST_NOT_SET, which is not set")]
    [InlineData("id=netrc,src=no-such.netrc", "--build-secrets: secret 'netrc' reads file ")]
    public async Task A_bad_build_secret_fails_Restore_with_one_error_before_anything_is_built(string spec, string message)
    {
        var result = await _repository.RunAsync("BuildAppImage", "--build-secrets", spec);

        var output = _repository.LastOutput;
        Assert.True(result.ExitCode == 1, output);
        Assert.Equal(TargetStatus.Failed, result["Restore"]!.Status);
        Assert.StartsWith(message, result["Restore"]!.Note);
        // As every bad input Restore finds (an invalid platform, a missing Dockerfile): one error, logged once and listed once.
        Assert.Single(output.Split('\n'), line => line.Contains("ERR] Target Restore failed: " + message, StringComparison.Ordinal));
        Assert.Single(output.Split('\n'), line => line.Contains("ERR Restore: Target Restore failed: " + message, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output);
        using var engine = ContainerEngine.FromEnvironment(new Dictionary<string, string>());
        Assert.Empty(await engine.ListImagesAsync(_repository.ImageName + "-builder", new Dictionary<string, string>()));
        Assert.Empty(await engine.ListImagesAsync(_repository.ImageName, new Dictionary<string, string>()));
    }
}
