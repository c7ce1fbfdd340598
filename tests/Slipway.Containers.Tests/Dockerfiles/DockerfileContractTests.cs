using Slipway.Containers.Components;
using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>How Restore drives the Dockerfiles as they are: a base named by ARG is passed as a build argument, a literal
/// one is rewritten in the text the engine gets (the file untouched), an explicit base replaces either and says so.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DockerfileContractTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LogCapture _log = new();

    [Fact]
    public void A_one_file_seed_with_literal_froms_is_built_with_both_froms_rewritten_per_platform()
    {
        var contract = Read(RealDockerfiles.Seed001);
        var arm64 = Platform("linux/arm64", "slipway-base/python-builder:b-arm64", "slipway-base/python-runtime:r-arm64");

        var builder = contract.BuilderAsBuilt(arm64);
        var app = contract.AppAsBuilt("svc-builder:deps-0123", arm64);

        Assert.Empty(contract.BuilderArguments(arm64));
        Assert.Equal("slipway-base/python-builder:b-arm64", builder.Stage("builder").Base);
        Assert.Equal(("svc-builder:deps-0123", "slipway-base/python-runtime:r-arm64"), (app.Stage("builder").Base, app.FinalStage.Base));
        Assert.Equal(RealDockerfiles.Seed001, File.ReadAllText(_folder.Path / "Dockerfile"));
    }

    [Fact]
    public void Bases_named_by_arg_are_passed_and_the_text_is_sent_as_written()
    {
        var contract = Read(StageBaseShapes.BuilderAndRunnerArgs);
        var amd64 = Platform("linux/amd64", "python:3.12-bookworm", "python:3.12-slim-bookworm");

        Assert.False(contract.BuilderIsRewritten);
        Assert.Equal(new Dictionary<string, string> { ["BUILDER_BASE"] = "python:3.12-bookworm" }, contract.BuilderArguments(amd64));
        Assert.Equal(new Dictionary<string, string> { ["RUNNER_BASE"] = "python:3.12-slim-bookworm" }, contract.AppArguments("b:deps-1", amd64));
    }

    [Fact]
    public void A_shared_base_stage_is_the_builder_base_when_building_the_builder_and_the_runtime_base_for_the_app()
    {
        var contract = Read(StageBaseShapes.SharedBase);
        var amd64 = Platform("linux/amd64", "python:3.12-bookworm", "python:3.12-slim");

        Assert.Equal("python:3.12-bookworm", contract.BuilderAsBuilt(amd64).Stage("base").Base);
        Assert.Equal("python:3.12-slim", contract.AppAsBuilt("b:deps-1", amd64).Stage("base").Base);
    }

    [Fact]
    public void Seed_002s_two_files_take_the_builder_image_by_arg_and_rewrite_the_literal_builder_base()
    {
        _folder.Write("docker/dockerfile.dev", RealDockerfiles.Seed002Builder);
        _folder.Write("Dockerfile", RealDockerfiles.Seed002App);
        var contract = DockerfileContractReader.Read(_folder.Path, _folder.Path / "docker/dockerfile.dev", _folder.Path / "Dockerfile",
            new DockerfileContractReader.Names("builder", null, null, null));
        var amd64 = Platform("linux/amd64", "python:3.11-bookworm", "python:3.11-slim-bookworm");

        Assert.Equal("BUILDER_IMAGE", contract.BuilderImageArgument);
        Assert.True(contract.BuilderIsRewritten);
        Assert.False(contract.AppIsRewritten);
        Assert.Equal(new Dictionary<string, string> { ["RUNTIME_IMAGE"] = "python:3.11-slim-bookworm", ["BUILDER_IMAGE"] = "b:deps-1" },
            contract.AppArguments("b:deps-1", amd64));
    }

    [Fact]
    public void An_explicit_base_replaces_the_dockerfiles_and_the_log_names_both_and_where_it_came_from()
    {
        var contract = Read(RealDockerfiles.Seed001);

        var chosen = BaseImageChoice.Choose(contract.BuilderBase, new BaseImageOverride("python:3.11-bookworm", "--builder-base-image"),
            "builder", "--builder-base-image", _log.Logger);

        Assert.Equal("python:3.11-bookworm", chosen.Reference);
        Assert.Contains("Builder base python:3.11-bookworm from --builder-base-image replaces Dockerfile line 1's python:3.12-bookworm", _log.Lines);
    }

    [Fact]
    public void Without_an_explicit_base_the_dockerfiles_is_used_and_named()
    {
        var contract = Read(StageBaseShapes.PythonVersionArg);

        var chosen = BaseImageChoice.Choose(contract.RuntimeBase, null, "runtime", "--runtime-base-image", _log.Logger);

        Assert.Equal(("python:3.12-slim", "Dockerfile line 4"), (chosen.Reference, chosen.Where));
        Assert.Contains("Runtime base python:3.12-slim from Dockerfile line 4", _log.Lines);
    }

    [Fact]
    public void An_arg_without_default_and_no_explicit_base_is_one_error_naming_the_arg()
    {
        var contract = Read("ARG BASE\nFROM ${BASE} AS builder\nRUN true\nFROM python:3.11-slim\nCOPY --from=builder /opt /opt\n");

        var error = Assert.Throws<SlipwayException>(() => BaseImageChoice.Choose(contract.BuilderBase, null, "builder", "--builder-base-image", _log.Logger));

        Assert.Equal("Dockerfile line 1: FROM ${BASE} takes the builder base from ARG BASE, which has no default: " +
                     "give it one (ARG BASE=<image>) or set --builder-base-image", error.Message);
    }

    [Fact]
    public void Two_files_whose_app_takes_the_builder_image_from_no_argument_keep_the_contract_error()
    {
        _folder.Write("builder.Dockerfile", "FROM python:3.11 AS builder\nRUN true\n");
        _folder.Write("Dockerfile", "FROM python:3.11-slim\nCOPY --from=some-builder:1 /opt /opt\n");

        var error = Assert.Throws<SlipwayException>(() => DockerfileContractReader.Read(_folder.Path, _folder.Path / "builder.Dockerfile",
            _folder.Path / "Dockerfile", new DockerfileContractReader.Names(null, null, null, null)));

        Assert.StartsWith("Dockerfile line 1: FROM python:3.11-slim takes the builder image the app copies from no build argument", error.Message);
    }

    private DockerfileContract Read(string text)
    {
        var path = _folder.Write("Dockerfile", text);
        return DockerfileContractReader.Read(_folder.Path, path, path, new DockerfileContractReader.Names(null, null, null, null));
    }

    private static PlatformInputs Platform(string platform, string builderBase, string runtimeBase) =>
        new(Containers.Platforms.Platform.Parse(platform), null!, new ResolvedBaseImage(builderBase, "sha256:b"), new ResolvedBaseImage(runtimeBase, "sha256:r"), []);

    public void Dispose() => _folder.Dispose();
}
