using System.Text.Json;
using Slipway.Containers.Attestations;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Tests.Attestations;

public sealed class SlsaProvenanceTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static ProvenanceInputs Inputs(BuilderIdentity? builder = null) => new(
        new Dictionary<string, string> { ["builder"] = "docker/builder.Dockerfile", ["app"] = "docker/app.Dockerfile" },
        ["Push"],
        [new Platform("linux", "amd64"), new Platform("linux", "arm64")],
        new Dictionary<string, string> { ["PIP_INDEX_URL"] = "https://pypi.invalid/simple" },
        ResolvedDependency.GitCommit("https://github.com/acme/voice", "4b825dc642cb6eb9a060e54bf8d69288fbee4904", "refs/heads/main"),
        [ResolvedDependency.Image("python:3.11-slim-bookworm", "sha256:" + new string('a', 64), "base-image")],
        ResolvedDependency.Image("ghcr.io/acme/voice-builder:deps-1234", "sha256:" + new string('b', 64), "builder-image"),
        [ResolvedDependency.Input("app/requirements.txt", new string('c', 64)), ResolvedDependency.Input("app/native/setup.py", new string('d', 64))],
        builder ?? new BuilderIdentity(BuilderIdentity.LocalId, "1.2.3", null),
        DateTimeOffset.FromUnixTimeSeconds(1790000000),
        DateTimeOffset.FromUnixTimeSeconds(1790000093));

    [Fact]
    public void Is_an_in_toto_statement_about_the_platform_manifest_with_an_SLSA_v1_predicate()
    {
        var subject = new SbomSubject("ghcr.io/acme/voice", Digest, new Platform("linux", "arm64"));

        using var document = JsonDocument.Parse(SlsaProvenance.Write(subject, Inputs()));
        var root = document.RootElement;

        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        Assert.Equal("https://slsa.dev/provenance/v1", root.GetProperty("predicateType").GetString());
        Assert.Equal(Digest[7..], root.GetProperty("subject")[0].GetProperty("digest").GetProperty("sha256").GetString());
        var definition = root.GetProperty("predicate").GetProperty("buildDefinition");
        Assert.Equal(SlsaProvenance.BuildType, definition.GetProperty("buildType").GetString());
        var parameters = definition.GetProperty("externalParameters");
        Assert.Equal("docker/app.Dockerfile", parameters.GetProperty("dockerfiles").GetProperty("app").GetString());
        Assert.Equal(["linux/amd64", "linux/arm64"], parameters.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("https://pypi.invalid/simple", parameters.GetProperty("buildArgs").GetProperty("PIP_INDEX_URL").GetString());
        var dependencies = definition.GetProperty("resolvedDependencies").EnumerateArray().ToList();
        Assert.Equal(["source", "base-image", "builder-image", "dependency-input", "dependency-input"],
            dependencies.Select(d => d.GetProperty("annotations").GetProperty("role").GetString()));
        Assert.Equal("4b825dc642cb6eb9a060e54bf8d69288fbee4904", dependencies[0].GetProperty("digest").GetProperty("gitCommit").GetString());
        Assert.Equal("git+https://github.com/acme/voice@refs/heads/main", dependencies[0].GetProperty("uri").GetString());
        Assert.Equal(new string('b', 64), dependencies[2].GetProperty("digest").GetProperty("sha256").GetString());
        Assert.Equal("app/native/setup.py", dependencies[3].GetProperty("name").GetString()); // inputs sorted by name
        var run = root.GetProperty("predicate").GetProperty("runDetails");
        Assert.Equal("1.2.3", run.GetProperty("builder").GetProperty("version").GetProperty("slipway").GetString());
        Assert.Equal("2026-09-21T14:14:53Z", run.GetProperty("metadata").GetProperty("finishedOn").GetString());
    }

    [Fact]
    public void On_GitHub_Actions_the_builder_is_the_workflow_run()
    {
        var builder = BuilderIdentity.FromEnvironment(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/voice",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_RUN_ATTEMPT"] = "2",
        }, "1.2.3");

        Assert.Equal("https://github.com/acme/voice/actions/runs/4242", builder.Id);
        Assert.Equal("https://github.com/acme/voice/actions/runs/4242/attempts/2", builder.InvocationId);
        Assert.Equal(BuilderIdentity.LocalId, BuilderIdentity.FromEnvironment(new Dictionary<string, string>(), "1.2.3").Id);
    }
}
