using System.Collections;
using System.Diagnostics;
using Slipway.Containers.Compose;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;
using Slipway.Paths;
using Slipway.Processes;
using Xunit.Abstractions;

namespace Slipway.Containers.Tests.Compose;

/// <summary>develop.watch's sync rules carried out in a real running container (an image built here from the local
/// python:3.11-slim-bookworm, run as a non-root user with no network), checked with <c>docker exec</c>.</summary>
[Collection("engine")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ContainerSyncTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Compose = """
        services:
          backend:
            build: .
            develop:
              watch:
                - {action: sync, path: ./app, target: /srv/app}
                - {action: sync+restart, path: ./settings.toml, target: /srv/settings.toml}
        """;

    private readonly TempFolder _folder = new();
    private readonly string _name = "slipway-test-sync-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ContainerEngine _engine = ContainerEngine.FromEnvironment(
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? ""));
    private string _container = "";

    private static string Docker(TimeSpan timeout, params string[] arguments) =>
        Tool.Capture(new ToolRun("docker", arguments), timeout) ?? throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed");

    private string Exec(params string[] command) => Docker(TimeSpan.FromSeconds(20), ["exec", _container, .. command]);

    private string StartedAt() => Docker(TimeSpan.FromSeconds(10), "inspect", "--format", "{{.State.StartedAt}}", _container);

    public Task InitializeAsync()
    {
        _folder.Write("compose.yaml", Compose);
        _folder.Write("Dockerfile", $"""
            FROM {TestBaseImages.OfficialRuntime}
            COPY app/ /srv/app/
            COPY settings.toml /srv/
            USER 10001
            CMD ["sleep", "infinity"]
            """);
        _folder.Write("app/main.py", "print('v1')\n");
        _folder.Write("app/old.py", "OLD = True\n");
        _folder.Write("settings.toml", "debug = false\n");
        Docker(TimeSpan.FromMinutes(3), "build", "--network", "none", "--quiet", "--tag", _name, _folder.Path);
        // --init: the shell-less sleep is not PID 1, so a restart's SIGTERM ends it at once.
        _container = Docker(TimeSpan.FromSeconds(30), "run", "--detach", "--init", "--network", "none", "--name", _name, _name);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Tool.Capture(new ToolRun("docker", ["rm", "--force", _name]), TimeSpan.FromSeconds(30));
        Tool.Capture(new ToolRun("docker", ["rmi", "--force", _name]), TimeSpan.FromSeconds(30));
        _engine.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private DevelopWatchPlan Plan(params string[] changed)
    {
        var file = _folder.Path / "compose.yaml";
        return DevelopWatchRules.Of(ComposeFile.Read(file).Service("backend")!, file)
            .Plan(changed.Select(path => _folder.Path / path), _ => true);
    }

    [Fact]
    public async Task Sync_copies_a_changed_file_a_new_folder_and_a_deletion_into_the_running_container_without_restarting_it()
    {
        var started = StartedAt();
        _folder.Write("app/main.py", "print('v2')\n", (UnixFileMode)0b111_101_101);
        _folder.Write("app/api/routes.py", "ROUTES = ['/health']\n");
        File.Delete(_folder.Path / "app/old.py");
        var plan = Plan("app/main.py", "app/api", "app/old.py");

        var clock = Stopwatch.StartNew();
        await new ContainerSync(_engine).ApplyAsync(_container, plan);
        output.WriteLine($"synced {plan.Copies.Count} paths in {clock.ElapsedMilliseconds} ms");

        Assert.False(plan.Restart);
        Assert.Equal("print('v2')", Exec("cat", "/srv/app/main.py"));
        Assert.Equal("755 0:0", Exec("stat", "-c", "%a %u:%g", "/srv/app/main.py"));
        Assert.Equal("ROUTES = ['/health']", Exec("cat", "/srv/app/api/routes.py"));
        Assert.Equal("directory 755", Exec("stat", "-c", "%F %a", "/srv/app/api"));
        Assert.Equal("gone", Exec("sh", "-c", "test -e /srv/app/old.py && echo there || echo gone"));
        Assert.Equal(started, StartedAt());
    }

    [Fact]
    public async Task Sync_restart_copies_then_restarts_the_container()
    {
        var started = StartedAt();
        _folder.Write("settings.toml", "debug = true\n");
        var plan = Plan("settings.toml");

        var clock = Stopwatch.StartNew();
        await new ContainerSync(_engine).ApplyAsync(_container, plan, stopTimeout: TimeSpan.FromSeconds(5));
        output.WriteLine($"synced and restarted in {clock.ElapsedMilliseconds} ms");

        Assert.True(plan.Restart);
        Assert.NotEqual(started, StartedAt());
        Assert.Equal("true", Docker(TimeSpan.FromSeconds(10), "inspect", "--format", "{{.State.Running}}", _container));
        Assert.Equal("debug = true", Exec("cat", "/srv/settings.toml"));
    }

    [Fact]
    public async Task A_container_that_is_not_running_is_one_line()
    {
        Docker(TimeSpan.FromSeconds(30), "stop", "--time", "1", _container);
        File.Delete(_folder.Path / "app/old.py");

        var problem = await Assert.ThrowsAsync<SlipwayException>(() =>
            new ContainerSync(_engine).CopyAsync(_container, Plan("app/old.py").Copies));

        Assert.Contains("is not running", problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
    }
}
