using Slipway.Containers.Tests.Adoption;
using Slipway.Processes;

namespace Slipway.Containers.Tests.Compose;

/// <summary>Down's volumes and the Compose CLI it runs, on a Compose file of one small service with a named volume
/// (started by the real Compose CLI under the project name Up would use, so no image build is needed).</summary>
[Collection("engine")]
public sealed class ComposeDownTests
{
    /// <summary>Debian's docker-compose 1.29, unpacked by tests/compose-v1.sh (run by tests/install-tools.sh).</summary>
    private const string ComposeV1 = "/var/cache/slipway/compose-v1/bin/docker-compose";

    private static readonly Dictionary<string, string> Files = new()
    {
        ["compose.yaml"] = $"""
            services:
              store:
                image: {Support.TestBaseImages.OfficialRuntime}
                pull_policy: never
                network_mode: none
                init: true
                command: ["sleep", "infinity"]
                volumes:
                  - data:/data
            volumes:
              data: {"{}"}

            """,
    };

    private static string Docker(params string[] arguments) =>
        Tool.Capture(new ToolRun("docker", arguments), TimeSpan.FromSeconds(60)) ?? throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed");

    private static string Volumes(string project) =>
        Docker("volume", "ls", "--quiet", "--filter", $"label=com.docker.compose.project={project}");

    private static string Containers(string project) =>
        Docker("ps", "-a", "--quiet", "--filter", $"label=com.docker.compose.project={project}");

    [Fact]
    public async Task Down_keeps_the_projects_named_volumes_and_Down_with_volumes_removes_them()
    {
        using var repository = new FixtureRepository(Files);
        var project = Slipway.Containers.Compose.ComposeRun.ProjectName(repository.Root);
        try
        {
            Docker("compose", "-p", project, "-f", repository.Root / "compose.yaml", "up", "--detach", "--wait");
            Docker("compose", "-p", project, "-f", repository.Root / "compose.yaml", "exec", "store", "sh", "-c", "echo kept > /data/file");
            Assert.Equal($"{project}_data", Volumes(project));

            var down = await repository.RunAsync<UpDownTests.ComposeBuild>("Down");

            Assert.True(down.ExitCode == 0, repository.LastOutput);
            Assert.Equal("", Containers(project));
            Assert.Equal($"{project}_data", Volumes(project));

            var downWithVolumes = await repository.RunAsync<UpDownTests.ComposeBuild>("Down", "--volumes");

            Assert.True(downWithVolumes.ExitCode == 0, repository.LastOutput);
            Assert.Contains("removed with its volumes", repository.LastOutput);
            Assert.Equal("", Volumes(project));
        }
        finally
        {
            Tool.Capture(new ToolRun("docker", ["compose", "-p", project, "-f", repository.Root / "compose.yaml", "down", "--volumes"]),
                TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task Compose_v1_is_refused_in_one_line()
    {
        Assert.True(File.Exists(ComposeV1), $"{ComposeV1} is missing: run tests/install-tools.sh (it runs tests/compose-v1.sh)");
        // A machine whose only Compose is v1: its PATH has docker-compose 1.29 and no docker CLI with the v2 plugin.
        using var repository = new FixtureRepository(Files) { SearchPath = Path.GetDirectoryName(ComposeV1)! };

        var down = await repository.RunAsync<UpDownTests.ComposeBuild>("Down");

        Assert.Equal(1, down.ExitCode);
        var failure = Assert.Single(repository.LastOutput.Split('\n'), line => line.Contains("ERR] Target Down failed"));
        Assert.Contains("docker-compose 1.29.2 is Compose v1, which Slipway does not support: install Compose v2", failure);
        Assert.DoesNotContain("   at ", repository.LastOutput);
    }
}
