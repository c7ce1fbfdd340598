using Slipway.Containers.Tests.Adoption;

namespace Slipway.Containers.Tests.Compose;

/// <summary>Watch over seed 000's layout where the backend has <c>develop.watch</c> rules, through the real Compose CLI
/// and engine: a sync reaches the running container without a rebuild, a sync+restart restarts it, a rebuild rule goes
/// through Slipway's build; a rule Slipway cannot honour is one line before anything starts.</summary>
[Collection("engine")]
public sealed class DevelopWatchTests
{
    /// <summary>A backend that reads its greeting from app/greeting.txt on every request and its settings once, at start.</summary>
    private const string App = """
        import pathlib
        from http.server import BaseHTTPRequestHandler, HTTPServer

        SETTINGS = pathlib.Path("/app/settings.txt").read_text().strip()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = SETTINGS if self.path == "/settings" else pathlib.Path("/app/app/greeting.txt").read_text().strip()
                self.send_response(200)
                self.end_headers()
                self.wfile.write(body.encode())

        HTTPServer(("0.0.0.0", 8000), Handler).serve_forever()

        """;

    private const string Rules = """
              - {action: sync, path: ./backend/app, target: /app/app}
              - {action: sync+restart, path: ./backend/settings.txt, target: /app/settings.txt}
              - {action: rebuild, path: ./backend/requirements.txt}
        """;

    private static Dictionary<string, string> Files(int port, string rules = Rules) => new()
    {
        ["docker-compose.yml"] = $"""
            services:
              backend:
                build:
                  context: backend
                  dockerfile: Dockerfile
                ports:
                  - "127.0.0.1:{port}:8000"
                develop:
                  watch:
            {rules}
            """,
        ["backend/Dockerfile"] = """
            ARG BUILDER_BASE=python:3.11-bookworm
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_BASE} AS builder
            COPY requirements.txt /opt/requirements.txt
            RUN python3 -m venv /opt/venv
            FROM ${RUNTIME_IMAGE}
            COPY --from=builder /opt/venv /opt/venv
            WORKDIR /app
            COPY app.py settings.txt ./
            COPY app/ ./app/
            CMD ["python3", "-u", "app.py"]
            """,
        ["backend/app.py"] = App,
        ["backend/app/greeting.txt"] = "hello from v1\n",
        ["backend/settings.txt"] = "mode one\n",
        ["backend/requirements.txt"] = "# no dependencies yet\n",
        ["backend/notes.md"] = "not read by the Dockerfile, no rule covers it\n",
    };

    private static string Backend(string project) => UpDownTests.Docker("ps", "--quiet", "--no-trunc",
        "--filter", $"label=com.docker.compose.project={project}", "--filter", "label=com.docker.compose.service=backend");

    private static string Inspect(string container, string format) => UpDownTests.Docker("inspect", "--format", format, container);

    [Fact]
    public async Task A_sync_reaches_the_running_container_a_sync_restart_restarts_it_and_a_rebuild_rule_runs_a_new_image()
    {
        var port = Seed000Compose.FreePort();
        using var repository = new FixtureRepository(Files(port));
        var project = Slipway.Containers.Compose.ComposeRun.ProjectName(repository.Root);
        var output = new LiveOutput();
        using var stop = new CancellationTokenSource();
        var watch = repository.RunAsync<UpDownTests.ComposeBuild>(output, stop.Token, ["Watch", .. Seed000Compose.Parameters]);
        try
        {
            await output.WaitForAsync("under its develop.watch rules", watch, seconds: 300);
            Assert.Equal("hello from v1", await WatchTests.WaitForAnswerAsync(port, "hello from v1"));
            var container = Backend(project);
            var image = Inspect(container, "{{.Image}}");

            repository.Write("backend/notes.md", "still not read\n");
            repository.Write("backend/app/greeting.txt", "hello from v2\n");
            Assert.Equal("hello from v2", await WatchTests.WaitForAnswerAsync(port, "hello from v2"));
            await output.WaitForAsync("backend drifted from " + image[..19] + ": 1 file synced since it was built (backend/app/greeting.txt)", watch);
            Assert.Contains("backend running ", output.Text);
            Assert.Contains("after the edit (synced 1 file: backend/app/greeting.txt; sync ", output.Text);
            Assert.Contains("backend/notes.md changed: no develop.watch rule covers it", output.Text);
            Assert.DoesNotContain("rebuilding the app", output.Text);
            Assert.Equal(container, Backend(project));
            Assert.Equal(image, Inspect(container, "{{.Image}}"));
            Assert.Equal("hello from v2", UpDownTests.Docker("exec", container, "cat", "/app/app/greeting.txt"));

            var started = Inspect(container, "{{.State.StartedAt}}");
            Assert.Equal("mode one", await WatchTests.AnswerAsync(port, "/settings"));
            repository.Write("backend/settings.txt", "mode two\n");
            Assert.Equal("mode two", await WatchTests.WaitForAnswerAsync(port, "mode two", "/settings"));
            await output.WaitForAsync("synced 1 file: backend/settings.txt, restarted; sync ", watch);
            await output.WaitForAsync("2 files synced since it was built (backend/app/greeting.txt, backend/settings.txt)", watch);
            Assert.Equal(container, Backend(project));
            Assert.Equal(image, Inspect(container, "{{.Image}}"));
            Assert.NotEqual(started, Inspect(container, "{{.State.StartedAt}}"));
            // killed at once, as the recreate: not Docker's 10 s for a Python PID 1 that ignores SIGTERM
            var restart = System.Text.RegularExpressions.Regex.Match(output.Text, @"restarted; sync [0-9.]+ s, restart ([0-9.]+) s");
            Assert.True(double.Parse(restart.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 8, restart.Value);

            repository.Write("backend/requirements.txt", "# no dependencies yet, one line more\n");
            await output.WaitForAsync("Dependency inputs changed (backend/requirements.txt): building the builder", watch);
            await output.WaitForAsync("backend recreated from the new image: no longer drifted", watch);
            await output.WaitForAsync("backend running ", watch, times: 3);
            var rebuilt = Backend(project);
            Assert.NotEqual(container, rebuilt);
            Assert.NotEqual(image, Inspect(rebuilt, "{{.Image}}"));
            Assert.Equal("hello from v2", await WatchTests.WaitForAnswerAsync(port, "hello from v2"));
            Assert.Equal("mode two", await WatchTests.WaitForAnswerAsync(port, "mode two", "/settings"));
            Assert.Equal(2, output.Count(" drifted from "));

            await stop.CancelAsync();
            var result = await watch;
            Assert.True(result.ExitCode == 0, output.Text);
            Assert.Equal("", WatchTests.Leftovers(project));
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
            await repository.RunAsync<UpDownTests.ComposeBuild>(["Down", .. Seed000Compose.Parameters]);
        }
    }

    [Theory]
    [InlineData("      - {action: copy, path: ./backend/app, target: /app/app}",
        "docker-compose.yml:10: backend.develop.watch[0].action 'copy' is not one of sync, sync+restart, rebuild, restart")]
    [InlineData("      - {action: sync, target: /app/app}", "docker-compose.yml:10: backend.develop.watch[0] has no path")]
    public async Task A_rule_slipway_cannot_honour_is_one_line_and_nothing_starts(string rule, string expected)
    {
        using var repository = new FixtureRepository(Files(Seed000Compose.FreePort(), rule));

        var watch = await repository.RunAsync<UpDownTests.ComposeBuild>(["Watch", .. Seed000Compose.Parameters]);

        Assert.Equal(1, watch.ExitCode);
        Assert.Contains(expected, repository.LastOutput);
        Assert.DoesNotContain("   at ", repository.LastOutput);
        Assert.Equal("", WatchTests.Leftovers(Slipway.Containers.Compose.ComposeRun.ProjectName(repository.Root)));
    }
}
