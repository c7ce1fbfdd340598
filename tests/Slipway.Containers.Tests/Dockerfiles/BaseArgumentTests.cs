using Slipway.Containers.Dockerfiles;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Which global ARGs feed which FROM: where Slipway passes the builder's base, the builder image and the runtime base.</summary>
public sealed class BaseArgumentTests
{
    [Fact]
    public void Seed_002s_app_takes_the_builder_image_and_the_runtime_base_by_its_own_names()
    {
        var dockerfile = Dockerfile.Parse(RealDockerfiles.Seed002App, "Dockerfile");

        var builder = dockerfile.BuilderImageArgument();
        var runtime = dockerfile.BaseImageArgument();

        Assert.Equal(new BaseArgument("BUILDER_IMAGE", 1, "ghcr.io/your-username/bailing-builder:latest", "builder", 4, true, "Dockerfile"), builder);
        Assert.Equal(new BaseArgument("RUNTIME_IMAGE", 2, "python:3.11-slim-bookworm", "stage 1", 6, true, "Dockerfile"), runtime);
        Assert.Equal("builder", dockerfile.CopiedStage()?.Name);
        Assert.Equal(
            "Dockerfile line 6: stage 1 is based on ARG RUNTIME_IMAGE (line 2, default python:3.11-slim-bookworm)", runtime!.ToString());
    }

    [Fact]
    public void This_repositorys_dockerfiles_name_them_builder_image_and_base_image()
    {
        var app = Dockerfile.Parse(RealDockerfiles.Text("repo-app"));
        var builder = Dockerfile.Parse(RealDockerfiles.Text("repo-builder"));

        Assert.Equal("BUILDER_IMAGE", app.BuilderImageArgument()?.Name);
        Assert.Equal("BASE_IMAGE", app.BaseImageArgument()?.Name);
        Assert.Equal("BUILDER_IMAGE", app.BaseImageArgument("test")?.Name); // test is built FROM builder: its base is the builder image
        Assert.Equal("BASE_IMAGE", builder.BaseImageArgument()?.Name);
        Assert.Equal(["BUILDER_IMAGE", "BASE_IMAGE"], app.BaseArguments().Select(argument => argument.Name));
    }

    [Fact]
    public void A_copy_from_an_arg_is_the_builder_image_argument()
    {
        var dockerfile = Dockerfile.Parse("ARG RUNTIME=python:3.12-slim\nFROM ${RUNTIME}\nARG DEPS=voice-builder:latest\nCOPY --from=${DEPS} /opt/venv /opt/venv\n");

        Assert.Equal(new BaseArgument("DEPS", 3, "voice-builder:latest", "stage 0", 4, true, "Dockerfile"), dockerfile.BuilderImageArgument());
        Assert.Null(dockerfile.CopiedStage());
    }

    [Fact]
    public void A_from_without_a_whole_arg_takes_no_image_reference()
    {
        var dockerfile = Dockerfile.Parse("ARG PY=3.12\nFROM python:${PY}-bookworm AS builder\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n");

        Assert.Equal([new BaseArgument("PY", 1, "3.12", "builder", 2, false, "Dockerfile")], dockerfile.BaseArguments());
        Assert.Null(dockerfile.BuilderImageArgument());
        Assert.Null(dockerfile.BaseImageArgument());
        Assert.Equal(3, dockerfile.FinalStage.Line); // where the error tells the user to declare one
    }

    [Fact]
    public void Defaults_and_forms_with_a_fallback_still_count_as_the_whole_reference()
    {
        var dockerfile = Dockerfile.Parse("ARG BASE\nFROM ${BASE:-alpine}\n");

        Assert.Equal(new BaseArgument("BASE", 1, null, "stage 0", 2, true, "Dockerfile"), dockerfile.BaseImageArgument());
    }
}
