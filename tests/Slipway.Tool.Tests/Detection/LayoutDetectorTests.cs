using Slipway.Tool.Detection;
using Slipway.Tool.Setup;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Detection;

public sealed class LayoutDetectorTests
{
    private static DetectedLayout Detect(TempRepository repository, IChoicePrompt? prompt = null, LayoutChoices? choices = null, string? remote = null) =>
        new LayoutDetector(new ParsedDockerfileReader(), prompt ?? new NoTerminalPrompt()).Detect(repository.Root, remote, choices ?? new LayoutChoices());

    [Fact]
    public void Seed_002_is_a_builder_dockerfile_and_an_app_dockerfile_that_takes_the_builder_image()
    {
        using var repository = new TempRepository("bailing");
        SeedLayouts.Seed002(repository);

        var layout = Detect(repository, remote: "https://github.com/Acme/Bailing.git");

        Assert.Equal(LayoutKind.BuilderAndAppDockerfiles, layout.Kind);
        Assert.Equal("docker/dockerfile.dev", layout.BuilderDockerfile);
        Assert.Equal("Dockerfile", layout.AppDockerfile);
        Assert.Equal(["pyproject.toml", "uv.lock"], layout.DependencyManifests);
        Assert.Equal("ghcr.io/acme/bailing", layout.ImageName);
        Assert.Equal("python:3.11-bookworm", layout.BuilderBaseImage);
        Assert.Equal("python:3.11-slim-bookworm", layout.RuntimeBaseImage);
        Assert.Equal("/opt/venv", layout.VenvPath);
        Assert.Null(layout.TestStage);
    }

    [Fact]
    public void A_builder_stage_that_is_not_the_last_stage_of_the_builder_dockerfile_becomes_the_builder_target()
    {
        using var repository = new TempRepository("bailing");
        SeedLayouts.Seed002(repository);
        repository.Write("docker/dockerfile.dev", File.ReadAllText(Path.Combine(repository.Root, "docker/dockerfile.dev")) + """

            FROM builder AS dev
            RUN pip install ipython

            """);

        var layout = Detect(repository);

        Assert.Equal("builder", layout.BuilderTarget);
        Assert.Contains("\"BuilderTarget\": \"builder\"", ParametersText.For(layout));
        using var plain = new TempRepository("plain");
        SeedLayouts.Seed002(plain);
        Assert.Null(Detect(plain).BuilderTarget);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    public void Seeds_000_and_001_are_one_dockerfile_with_a_builder_stage(string seed)
    {
        using var repository = new TempRepository("backend");
        (seed == "000" ? (Action<TempRepository>)SeedLayouts.Seed000 : SeedLayouts.Seed001)(repository);

        var layout = Detect(repository);

        Assert.Equal(LayoutKind.BuilderStage, layout.Kind);
        Assert.Equal("Dockerfile", layout.BuilderDockerfile);
        Assert.Equal("Dockerfile", layout.AppDockerfile);
        Assert.Equal("python:3.12-bookworm", layout.BuilderBaseImage);
        Assert.Equal("python:3.12-slim-bookworm", layout.RuntimeBaseImage);
        Assert.Equal("backend", layout.ImageName);
        Assert.Equal(seed == "000" ? ["requirements.txt"] : ["requirements-dev.txt", "requirements.txt"], layout.DependencyManifests);
    }

    [Fact]
    public void Star_dockerfiles_are_told_apart_by_what_they_read_and_the_test_stage_is_found()
    {
        using var repository = new TempRepository("voice");
        SeedLayouts.StarDockerfiles(repository);

        var layout = Detect(repository, remote: "git@github.com:acme/voice.git");

        Assert.Equal(("docker/builder.Dockerfile", "docker/app.Dockerfile"), (layout.BuilderDockerfile, layout.AppDockerfile));
        Assert.Equal(["app/requirements.txt"], layout.DependencyManifests);
        Assert.Equal("test", layout.TestStage);
        Assert.Equal("python:3.11-slim-bookworm", layout.RuntimeBaseImage);
        Assert.Equal("ghcr.io/acme/voice", layout.ImageName);
    }

    [Fact]
    public void Two_candidate_builder_dockerfiles_without_a_terminal_fail_naming_both_and_the_option()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        repository.Write("docker/builder.Dockerfile", "FROM python:3.11-bookworm AS builder\nRUN true\n");

        var failure = Assert.Throws<SetupException>(() => Detect(repository));

        Assert.Equal(
            "cannot tell which is the builder Dockerfile: docker/builder.Dockerfile, docker/dockerfile.dev; pick one with --builder-dockerfile <path>",
            failure.Message);
    }

    [Fact]
    public void Two_candidate_builder_dockerfiles_are_asked_about_on_a_terminal()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        repository.Write("docker/builder.Dockerfile", "FROM python:3.11-bookworm AS builder\nRUN true\n");
        var prompt = new ScriptedPrompt(answer: 1);

        var layout = Detect(repository, prompt);

        var (question, option, candidates) = Assert.Single(prompt.Asked);
        Assert.Equal(("the builder Dockerfile", "--builder-dockerfile <path>"), (question, option));
        Assert.Equal(["docker/builder.Dockerfile", "docker/dockerfile.dev"], candidates);
        Assert.Equal("docker/dockerfile.dev", layout.BuilderDockerfile);
    }

    [Fact]
    public void The_option_picks_the_builder_without_asking()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        repository.Write("docker/builder.Dockerfile", "FROM python:3.11-bookworm AS builder\nRUN true\n");

        var layout = Detect(repository, choices: new LayoutChoices(BuilderDockerfile: "docker/builder.Dockerfile"));

        Assert.Equal(("docker/builder.Dockerfile", "Dockerfile"), (layout.BuilderDockerfile, layout.AppDockerfile));
    }

    [Fact]
    public void The_terminal_prompt_takes_a_number_and_refuses_anything_else()
    {
        var asked = new StringWriter();
        var chosen = new TerminalPrompt(new StringReader("2\n"), asked).Choose("the builder Dockerfile", "--builder-dockerfile <path>", ["a", "b"]);
        Assert.Equal("b", chosen);
        Assert.Contains("  2) b", asked.ToString());

        var refused = Assert.Throws<SetupException>(() =>
            new TerminalPrompt(new StringReader("x\n"), new StringWriter()).Choose("the builder Dockerfile", "--builder-dockerfile <path>", ["a", "b"]));
        Assert.Equal("no choice of the builder Dockerfile ('x'); answer 1-2, or pick one with --builder-dockerfile <path>", refused.Message);
    }

    [Fact]
    public void A_repository_without_a_builder_fails_with_what_it_looked_for()
    {
        using var repository = new TempRepository();
        repository.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . .\n");

        var failure = Assert.Throws<SetupException>(() => Detect(repository));

        Assert.StartsWith("no builder Dockerfile found (docker/dockerfile.dev with a Dockerfile", failure.Message);
        Assert.Contains("--builder-dockerfile <path> --app-dockerfile <path>", failure.Message);
    }

    [Fact]
    public void A_builder_without_an_app_fails_naming_the_app_option()
    {
        using var repository = new TempRepository();
        repository.Write("docker/dockerfile.dev", "FROM python:3.11-bookworm AS builder\nRUN true\n");

        var failure = Assert.Throws<SetupException>(() => Detect(repository));

        Assert.Contains("found the builder Dockerfile docker/dockerfile.dev but no app Dockerfile", failure.Message);
        Assert.EndsWith("name it with --app-dockerfile <path>", failure.Message);
    }

    [Fact]
    public void Files_in_virtual_environments_caches_and_build_outputs_are_not_candidates()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        repository.Write(".venv/lib/Dockerfile", "FROM python:3.11-bookworm AS builder\n");
        repository.Write("node_modules/x/builder.Dockerfile", "FROM python:3.11-bookworm AS builder\n");
        repository.Write(".venv/requirements.txt", "x\n");
        repository.Write("build/lib/requirements.txt", "x\n");

        var layout = Detect(repository);

        Assert.Equal("docker/dockerfile.dev", layout.BuilderDockerfile);
        Assert.Equal(["pyproject.toml", "uv.lock"], layout.DependencyManifests);
    }

    [Fact]
    public void Every_manifest_kind_is_found()
    {
        using var repository = new TempRepository();
        foreach (var file in new[] { "pyproject.toml", "uv.lock", "requirements.txt", "requirements-dev.txt", "requirements/base.txt", "poetry.lock", "Pipfile.lock", "notes.txt", "Pipfile" })
            repository.Write(file, "x\n");

        Assert.Equal(
            ["Pipfile.lock", "poetry.lock", "pyproject.toml", "requirements-dev.txt", "requirements.txt", "requirements/base.txt", "uv.lock"],
            DependencyManifests.Find(repository.Root));
    }
}
