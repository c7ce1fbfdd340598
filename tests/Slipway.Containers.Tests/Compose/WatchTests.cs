using Slipway.Containers.Tests.Adoption;
using Slipway.Processes;

namespace Slipway.Containers.Tests.Compose;

/// <summary>Watch over seed 000's Compose file: an edit rebuilds and recreates the backend in the running process,
/// through the real Compose CLI and engine; Ctrl-C takes the project down unless --keep.</summary>
[Collection("engine")]
public sealed class WatchTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Seed 000's files with a builder that reads a dependency file and an app stage that compiles its code
    /// (so a syntax error breaks a RUN).</summary>
    private static Dictionary<string, string> Files(int port)
    {
        var files = Seed000Compose.Files(port);
        files["backend/Dockerfile"] = """
            ARG BUILDER_BASE=python:3.11-bookworm
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_BASE} AS builder
            COPY requirements.txt /opt/requirements.txt
            RUN python3 -m venv /opt/venv
            FROM ${RUNTIME_IMAGE}
            COPY --from=builder /opt/venv /opt/venv
            WORKDIR /app
            COPY app.py ./
            RUN python3 -m py_compile app.py
            CMD ["python3", "-u", "app.py"]
            """;
        files["backend/requirements.txt"] = "# no dependencies yet\n";
        files["backend/notes.md"] = "not read by the Dockerfile\n";
        return files;
    }

    internal static async Task<string> AnswerAsync(int port, string path = "/")
    {
        try
        {
            return await Http.GetStringAsync($"http://127.0.0.1:{port}{path}");
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    internal static async Task<string> WaitForAnswerAsync(int port, string expected, string path = "/", int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var answer = "";
        while (DateTime.UtcNow < deadline && (answer = await AnswerAsync(port, path)) != expected)
            await Task.Delay(100);
        return answer;
    }

    internal static string Leftovers(string project) =>
        (Tool.Capture(new ToolRun("docker", ["ps", "-a", "--quiet", "--filter", $"label=com.docker.compose.project={project}"])) ?? "?") +
        (Tool.Capture(new ToolRun("docker", ["network", "ls", "--quiet", "--filter", $"label=com.docker.compose.project={project}"])) ?? "?");

    [Fact]
    public async Task An_edit_recreates_the_backend_a_dependency_edit_rebuilds_the_builder_and_Ctrl_C_takes_it_all_down()
    {
        var port = Seed000Compose.FreePort();
        using var repository = new FixtureRepository(Files(port));
        var project = Slipway.Containers.Compose.ComposeRun.ProjectName(repository.Root);
        var output = new LiveOutput();
        using var stop = new CancellationTokenSource();
        var watch = repository.RunAsync<UpDownTests.ComposeBuild>(output, stop.Token, ["Watch", .. Seed000Compose.Parameters]);
        try
        {
            await output.WaitForAsync("Watching backend's inputs", watch, seconds: 300);
            Assert.Equal("hello from v1", await WaitForAnswerAsync(port, "hello from v1"));

            repository.Write("backend/notes.md", "still not read\n");
            repository.Write("backend/app.py", Seed000Compose.App("hello from v2"));
            Assert.Equal("hello from v2", await WaitForAnswerAsync(port, "hello from v2"));
            await output.WaitForAsync("backend running ", watch);
            await output.WaitForAsync("\"GET / HTTP/1.1\" 200", watch);
            Assert.Contains("backend  | ", output.Text);
            Assert.DoesNotContain("notes.md changed", output.Text);

            repository.Write("backend/requirements.txt", "# no dependencies yet, one line more\n");
            await output.WaitForAsync("Dependency inputs changed (backend/requirements.txt): building the builder", watch);
            await output.WaitForAsync("backend running ", watch, times: 2);
            Assert.Equal("hello from v2", await WaitForAnswerAsync(port, "hello from v2"));

            repository.Write("backend/app.py", Seed000Compose.App("hello from v3").Replace("class Handler", "class Handler("));
            await output.WaitForAsync("backend not rebuilt: build of", watch);
            Assert.Contains("failed at step `RUN python3 -m py_compile app.py`: exit code 1 (the running container stays; still watching)", output.Text);
            Assert.DoesNotContain("ERR] [step]", output.Text);
            Assert.Equal("hello from v2", await AnswerAsync(port));

            var dockerfile = File.ReadAllText(repository.Root / "backend/Dockerfile");
            repository.Write("backend/Dockerfile", dockerfile.Replace("COPY app.py ./", "COPPY app.py ./"));
            await output.WaitForAsync("backend not rebuilt: ", watch, times: 2);
            Assert.Equal("hello from v2", await AnswerAsync(port));

            repository.Write("backend/Dockerfile", dockerfile);
            repository.Write("backend/app.py", Seed000Compose.App("hello from v4"));
            Assert.Equal("hello from v4", await WaitForAnswerAsync(port, "hello from v4"));
            Assert.Equal("""{"postgres": "reachable", "redis": "PONG"}""", await AnswerAsync(port, "/health"));

            await stop.CancelAsync();
            var result = await watch;
            Assert.True(result.ExitCode == 0, output.Text);
            Assert.Contains("Watch stopped: taking project", output.Text);
            Assert.Equal("", Leftovers(project));
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
            await repository.RunAsync<UpDownTests.ComposeBuild>(["Down", .. Seed000Compose.Parameters]);
        }
    }

    [Fact]
    public async Task With_keep_the_services_stay_when_the_watch_stops()
    {
        var port = Seed000Compose.FreePort();
        using var repository = new FixtureRepository(Files(port));
        var project = Slipway.Containers.Compose.ComposeRun.ProjectName(repository.Root);
        var output = new LiveOutput();
        using var stop = new CancellationTokenSource();
        var watch = repository.RunAsync<UpDownTests.ComposeBuild>(output, stop.Token, ["Up", "--watch", "--keep", .. Seed000Compose.Parameters]);
        try
        {
            await output.WaitForAsync("Watching backend's inputs", watch, seconds: 300);
            await stop.CancelAsync();
            Assert.Equal(0, (await watch).ExitCode);

            Assert.Contains("--keep: project", output.Text);
            Assert.Equal("hello from v1", await WaitForAnswerAsync(port, "hello from v1"));
            Assert.NotEqual("", Leftovers(project));
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
            var down = await repository.RunAsync<UpDownTests.ComposeBuild>(["Down", .. Seed000Compose.Parameters]);
            Assert.True(down.ExitCode == 0, repository.LastOutput);
        }
        Assert.Equal("", Leftovers(project));
    }
}
