using Slipway.Containers.Components;
using Slipway.Containers.Tests.Adoption;
using Slipway.Processes;

namespace Slipway.Containers.Tests.Compose;

/// <summary>Up and Down over seed 000's Compose file, through the real Compose CLI and engine.</summary>
[Collection("engine")]
public sealed class UpDownTests
{
    public sealed class ComposeBuild : SlipwayBuild, IUp;

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private static async Task<string> GetAsync(int port, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return await Http.GetStringAsync($"http://127.0.0.1:{port}{path}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    internal static string Docker(params string[] arguments) =>
        Tool.Capture(new ToolRun("docker", arguments)) ?? throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed");

    private static string ProjectOf(FixtureRepository repository) =>
        Slipway.Containers.Compose.ComposeRun.ProjectName(repository.Root);

    private static string Leftovers(string project) =>
        Docker("ps", "-a", "--quiet", "--filter", $"label=com.docker.compose.project={project}") +
        Docker("network", "ls", "--quiet", "--filter", $"label=com.docker.compose.project={project}");

    [Fact]
    public async Task Up_runs_the_backend_on_slipways_app_image_beside_postgres_and_redis_and_Down_removes_it_all()
    {
        var port = Seed000Compose.FreePort();
        using var repository = new FixtureRepository(Seed000Compose.Files(port));
        var project = ProjectOf(repository);
        try
        {
            var up = await repository.RunAsync<ComposeBuild>(["Up", .. Seed000Compose.Parameters]);
            Assert.True(up.ExitCode == 0, repository.LastOutput);

            Assert.Equal("hello from v1", await GetAsync(port, "/"));
            Assert.Equal("""{"postgres": "reachable", "redis": "PONG"}""", await GetAsync(port, "/health"));
            var appImage = Docker("image", "inspect", "--format", "{{.Id}}", $"{repository.ImageName}:latest");
            var backend = Docker("ps", "--quiet", "--filter", $"label=com.docker.compose.project={project}",
                "--filter", "label=com.docker.compose.service=backend");
            Assert.Equal(appImage, Docker("inspect", "--format", "{{.Image}}", backend));
        }
        finally
        {
            var down = await repository.RunAsync<ComposeBuild>(["Down", .. Seed000Compose.Parameters]);
            Assert.True(down.ExitCode == 0, repository.LastOutput);
        }
        Assert.Equal("", Leftovers(project));
    }

    [Fact]
    public async Task A_repository_without_a_compose_file_is_one_line()
    {
        var files = Seed000Compose.Files(Seed000Compose.FreePort());
        files.Remove("docker-compose.yml");
        using var repository = new FixtureRepository(files);

        var up = await repository.RunAsync<ComposeBuild>(["Up", .. Seed000Compose.Parameters]);

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("no Compose file in the repository", repository.LastOutput);
    }

    [Fact]
    public async Task A_service_that_does_not_exist_is_named_with_the_files_services()
    {
        using var repository = new FixtureRepository(Seed000Compose.Files(Seed000Compose.FreePort()));

        var up = await repository.RunAsync<ComposeBuild>(["Up", "--service", "frontend", .. Seed000Compose.Parameters]);

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("service 'frontend' is not in docker-compose.yml (its services: backend, postgres, redis)", repository.LastOutput);
        Assert.Equal("", Leftovers(ProjectOf(repository)));
    }

    [Fact]
    public async Task A_port_already_taken_is_one_line_and_leaves_nothing_running()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        using var repository = new FixtureRepository(Seed000Compose.Files(port));

        var up = await repository.RunAsync<ComposeBuild>(["Up", .. Seed000Compose.Parameters]);

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("up failed, nothing left running", repository.LastOutput);
        Assert.Contains(port.ToString(), repository.LastOutput);
        Assert.Equal("", Leftovers(ProjectOf(repository)));
    }
}
