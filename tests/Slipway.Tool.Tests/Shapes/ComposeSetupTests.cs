using System.Text.Json;
using Slipway.Tool.Tests.Setup;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Shapes;

/// <summary>Setup in a repository with a Compose file: the service that builds is the app.</summary>
public sealed class ComposeSetupTests
{
    private const string TwoBuilt = """
        services:
          web:
            build: ./backend
          worker:
            build:
              context: ./backend
              args:
                PYTHON_VERSION: "3.12"
          redis:
            image: redis:7-bookworm

        """;

    [Fact]
    public void Seed_000_s_compose_file_makes_backend_the_app_and_its_context_the_build_context()
    {
        using var repository = new TempRepository("stack");
        SeedShapes.Seed000Compose().Write(repository);

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("compose: service backend of docker-compose.yml (build context backend)", outcome.Output);
        using var parameters = JsonDocument.Parse(repository.Read(".nuke/parameters.json"));
        Assert.Equal("backend", parameters.RootElement.GetProperty("BuildContext").GetString());
        Assert.Equal("backend/Dockerfile", parameters.RootElement.GetProperty("AppDockerfile").GetString());
        Assert.Equal(["requirements.txt"], parameters.RootElement.GetProperty("DependencyManifests").EnumerateArray().Select(item => item.GetString()));
        Assert.True(repository.Exists("backend/.dockerignore"));
        Assert.False(repository.Exists(".dockerignore"));
    }

    [Fact]
    public void Several_services_that_build_without_a_terminal_is_one_line_naming_them_and_the_option()
    {
        using var repository = new TempRepository("stack");
        SeedShapes.Seed000Compose().Write(repository);
        repository.Write("compose.yaml", TwoBuilt);

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Assert.Equal((1, ""), (outcome.ExitCode, outcome.Output));
        Assert.Equal("error: cannot tell which is the app service in compose.yaml: web, worker; pick one with --service <name>\n", outcome.Error.Replace("\r", ""));
        Assert.False(repository.Exists(".nuke/parameters.json"));
    }

    [Fact]
    public void The_service_option_picks_one_and_a_build_argument_without_a_parameter_is_named_in_the_report()
    {
        using var repository = new TempRepository("stack");
        SeedShapes.Seed000Compose().Write(repository);
        repository.Write("compose.yaml", TwoBuilt);

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup", "--service", "worker");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("compose: service worker of compose.yaml (build context backend)", outcome.Output);
        Assert.Contains("note: compose.yaml: service worker's build argument PYTHON_VERSION=3.12 is not passed by the build: Slipway has no parameter for it", outcome.Output);
        var unknown = SetupRun.Slipway(repository, SetupRun.Version, "setup", "--service", "redis", "--force");
        Assert.Equal("error: --service redis: compose.yaml has no such service with a build: section; those that build: web, worker\n", unknown.Error.Replace("\r", ""));
    }

    [Fact]
    public void A_malformed_compose_file_is_one_error_line_with_the_file_and_the_line()
    {
        using var repository = new TempRepository("stack");
        SeedShapes.Seed000Compose().Write(repository);
        repository.Write("docker-compose.yml", "services:\n  backend:\n    build:\n      context: ./backend\n     dockerfile: Dockerfile\n");

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("error: docker-compose.yml:5: not valid YAML", outcome.Error);
        Assert.Single(outcome.Error.Trim().Split('\n'));
    }
}
