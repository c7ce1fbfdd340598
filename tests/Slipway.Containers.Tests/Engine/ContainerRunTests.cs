using Docker.DotNet.Models;
using Slipway.Containers.Engine;
using Platform = Slipway.Containers.Platforms.Platform;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine;

[Collection("engine")]
public sealed class ContainerRunTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private ContainerEngine Engine => fixture.Engine;

    private async Task<int> ContainersOf(string image) =>
        (await Engine.Client.Containers.ListContainersAsync(new ContainersListParameters { All = true }))
        .Count(container => container.Image == image);

    [Fact]
    public async Task A_run_gives_exit_code_stdout_and_stderr_apart_and_leaves_no_container()
    {
        var before = await ContainersOf(fixture.Amd64Base);

        var result = await Engine.RunAsync(fixture.Amd64Base, ["sh", "-c", "echo out; echo err >&2; exit 4"]);

        Assert.Equal(4, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
        Assert.Equal(before, await ContainersOf(fixture.Amd64Base));
    }

    [Fact]
    public async Task A_run_has_no_network_unless_asked()
    {
        var result = await Engine.RunAsync(fixture.Amd64Base, ["ls", "/sys/class/net"]);

        Assert.Equal("lo", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_run_as_another_user_runs_as_that_user()
    {
        var result = await Engine.RunAsync(fixture.Amd64Base, ["id", "-u"], user: "nobody");

        Assert.Equal("65534", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Environment_and_entrypoint_can_be_given()
    {
        var result = await Engine.RunAsync(new ContainerRun(fixture.Amd64Base, ["-c", "echo $GREETING"])
        {
            Entrypoint = ["/bin/sh"],
            Environment = new Dictionary<string, string> { ["GREETING"] = "hi" },
        });

        Assert.Equal("hi\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_foreign_image_runs_under_qemu()
    {
        var result = await Engine.RunAsync(fixture.Arm64Base, ["uname", "-m"], platform: Platform.Parse("linux/arm64"));

        Assert.Equal("aarch64\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_run_that_takes_too_long_is_killed_removed_and_reported()
    {
        var before = await ContainersOf(fixture.Amd64Base);

        var failure = await Assert.ThrowsAsync<SlipwayException>(() =>
            Engine.RunAsync(new ContainerRun(fixture.Amd64Base, ["sleep", "30"]) { Timeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal($"container `{fixture.Amd64Base} sleep 30` did not finish within 1 s", failure.Message);
        Assert.Equal(before, await ContainersOf(fixture.Amd64Base));
    }

    [Fact]
    public async Task A_cancelled_run_removes_its_container()
    {
        var before = await ContainersOf(fixture.Amd64Base);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine.RunAsync(fixture.Amd64Base, ["sleep", "30"], cancellationToken: cancel.Token));

        Assert.Equal(before, await ContainersOf(fixture.Amd64Base));
    }

    [Fact]
    public async Task A_missing_image_or_command_is_one_clear_line()
    {
        var noImage = await Assert.ThrowsAsync<SlipwayException>(() => Engine.RunAsync("slipway-test/absent:never", ["true"]));
        var noCommand = await Assert.ThrowsAsync<SlipwayException>(() => Engine.RunAsync(fixture.Amd64Base, ["no-such-command"]));

        Assert.Equal("image slipway-test/absent:never is not in the local Docker engine (unix:///var/run/docker.sock): build or pull it first", noImage.Message);
        Assert.StartsWith($"could not run `{fixture.Amd64Base} no-such-command`: ", noCommand.Message);
        Assert.Contains("executable file not found", noCommand.Message);
    }

    [Fact]
    public async Task Files_are_read_out_of_an_image_without_running_it()
    {
        var names = await Engine.ReadImageFilesAsync(fixture.Arm64Base, "/etc", async (tar, token) =>
        {
            var found = new List<string>();
            using var reader = new System.Formats.Tar.TarReader(tar);
            while (await reader.GetNextEntryAsync(cancellationToken: token) is { } entry)
                found.Add(entry.Name);
            return found;
        });

        Assert.Contains("etc/passwd", names);
    }

    [Fact]
    public async Task Reading_a_path_the_image_lacks_is_one_clear_line()
    {
        var failure = await Assert.ThrowsAsync<SlipwayException>(() =>
            Engine.ReadImageFilesAsync(fixture.Amd64Base, "/opt/venv", (_, _) => Task.FromResult(0)));

        Assert.Equal($"image {fixture.Amd64Base} has no /opt/venv", failure.Message);
    }
}
