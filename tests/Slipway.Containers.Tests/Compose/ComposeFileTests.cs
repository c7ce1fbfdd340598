using Slipway.Containers.Compose;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Compose;

public sealed class ComposeFileTests
{
    /// <summary>Seed 000's docker-compose.yml, with the postgres and redis services the seed names beside it.</summary>
    public const string Seed000 = """
        version: '3.8'

        services:
          backend:
            build:
              # `context` points at the folder with the Dockerfile and the sources.
              context: ./backend
              dockerfile: Dockerfile
            platform: linux/arm64
            ports:
              - "8000:8000"
          postgres:
            image: postgres:15-bookworm
          redis:
            image: redis:7-bookworm
        """;

    [Fact]
    public void Reads_seed_000_s_services_and_the_build_section_of_backend()
    {
        var project = ComposeFile.Parse(Seed000, "docker-compose.yml");

        Assert.Equal(["backend", "postgres", "redis"], project.Services.Select(service => service.Name));
        var backend = Assert.Single(project.BuiltServices);
        Assert.Equal(("./backend", "Dockerfile", null), (backend.Build!.Context, backend.Build.Dockerfile, backend.Build.Target));
        Assert.Equal("linux/arm64", backend.Platform);
        Assert.Equal(["8000:8000"], backend.Ports);
        Assert.Equal(4, backend.Line);
        Assert.Equal("postgres:15-bookworm", project.Service("postgres")!.Image);
        Assert.Null(project.Service("redis")!.Build);
    }

    [Fact]
    public void The_short_form_is_a_context_and_args_come_as_a_map_or_a_list()
    {
        var project = ComposeFile.Parse("""
            x-build: &build
              context: app
              target: runtime
              platforms: [linux/amd64, linux/arm64]
            services:
              short:
                build: ./web
              mapped:
                build:
                  <<: *build
                  args:
                    PYTHON_VERSION: "3.12"
                    FROM_ENVIRONMENT:
              listed:
                build:
                  context: .
                  args: [PYTHON_VERSION=3.11, FROM_ENVIRONMENT]
                ports:
                  - target: 8000
                    published: "8080"
                    host_ip: 127.0.0.1
            """, "compose.yaml");

        Assert.Equal(("./web", "Dockerfile"), (project.Service("short")!.Build!.Context, project.Service("short")!.Build!.DockerfileOrDefault));
        var mapped = project.Service("mapped")!.Build!;
        Assert.Equal(("app", "runtime"), (mapped.Context, mapped.Target));
        Assert.Equal(["linux/amd64", "linux/arm64"], mapped.Platforms);
        Assert.Equal([KeyValuePair.Create("PYTHON_VERSION", (string?)"3.12"), KeyValuePair.Create("FROM_ENVIRONMENT", (string?)null)], mapped.Args);
        Assert.Equal([KeyValuePair.Create("PYTHON_VERSION", (string?)"3.11"), KeyValuePair.Create("FROM_ENVIRONMENT", (string?)null)], project.Service("listed")!.Build!.Args);
        Assert.Equal(["127.0.0.1:8080:8000"], project.Service("listed")!.Ports);
    }

    [Theory]
    [InlineData("services:\n  backend:\n    build: [\n", "compose.yaml:4: not valid YAML")]
    [InlineData("services:\n  backend:\n    build:\n      context: ./backend\n     dockerfile: Dockerfile\n", "compose.yaml:5: not valid YAML")]
    [InlineData("services:\n  backend:\n    build:\n      args: 3\n", "compose.yaml:4: backend.build.args must be a list")]
    [InlineData("services: [backend]\n", "compose.yaml:1: services must be a mapping")]
    public void A_malformed_file_is_one_error_naming_the_file_and_the_line(string text, string expected)
    {
        var problem = Assert.Throws<SlipwayException>(() => ComposeFile.Parse(text, "compose.yaml"));

        Assert.StartsWith(expected, problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Fact]
    public void The_file_found_is_the_one_the_compose_cli_prefers()
    {
        var folder = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-compose-").FullName);
        try
        {
            Assert.Null(ComposeFile.Find(folder));
            File.WriteAllText(folder / "docker-compose.yaml", "services: {}\n");
            File.WriteAllText(folder / "docker-compose.yml", "services: {}\n");
            Assert.Equal("docker-compose.yml", ComposeFile.Find(folder)!.Name);
            File.WriteAllText(folder / "compose.yaml", "services: {}\n");
            Assert.Equal("compose.yaml", ComposeFile.Find(folder)!.Name);
            Assert.Empty(ComposeFile.Read(folder / "compose.yaml").Services);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
