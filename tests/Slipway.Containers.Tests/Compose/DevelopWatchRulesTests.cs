using Slipway.Containers.Compose;
using Slipway.Containers.Tests.Support;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Compose;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DevelopWatchRulesTests : IDisposable
{
    private const string Compose = """
        services:
          backend:
            build:
              context: backend
            develop:
              watch:
                - action: sync
                  path: backend/app
                  target: /srv/app
                  ignore: ["**/__pycache__", tests/]
                - action: sync+restart
                  path: backend/settings.toml
                  target: /srv/settings.toml
                - action: rebuild
                  path: backend/requirements.txt
                - action: sync
                  path: backend/app/static
                  target: /var/www
        """;

    private readonly TempFolder _folder = new();

    public DevelopWatchRulesTests()
    {
        _folder.Write("compose.yaml", Compose);
        _folder.Write("backend/Dockerfile", "FROM python:3.11-slim-bookworm\nCOPY . /srv\n");
        _folder.Write("backend/.dockerignore", "*.log\n");
        _folder.Write("backend/app/main.py", "print('hello')\n");
        _folder.Write("backend/settings.toml", "debug = true\n");
        _folder.Write("backend/requirements.txt", "requests\n");
        _folder.Write("backend/app/static/site.css", "body {}\n");
    }

    public void Dispose() => _folder.Dispose();

    private AbsolutePath Path(string relative) => _folder.Path / relative;

    private DevelopWatchRules Rules()
    {
        var file = _folder.Path / "compose.yaml";
        return DevelopWatchRules.Of(ComposeFile.Read(file).Service("backend")!, file);
    }

    /// <summary>The backend's Dockerfile copies its whole context.</summary>
    private bool ReadByTheImage(string path) => AbsolutePath.From(path).RelativeTo(_folder.Path).StartsWith("backend/", StringComparison.Ordinal);

    private DevelopWatchPlan Plan(params string[] changed) =>
        Rules().Plan(changed.Select(Path), ReadByTheImage);

    private static string[] Copies(DevelopWatchPlan plan) =>
        plan.Copies.Select(copy => $"{copy.Kind} {copy.Container}").ToArray();

    [Fact]
    public void A_changed_file_under_a_sync_rule_is_copied_to_its_target_without_a_rebuild_or_restart()
    {
        var plan = Plan("backend/app/main.py");

        Assert.Equal(["File /srv/app/main.py"], Copies(plan));
        Assert.Equal(Path("backend/app/main.py"), plan.Copies[0].Host);
        Assert.False(plan.Restart);
        Assert.False(plan.Rebuild);
    }

    [Fact]
    public void A_new_folder_is_copied_with_what_it_holds_and_a_deleted_file_is_deleted()
    {
        _folder.Write("backend/app/api/routes.py", "ROUTES = []\n");
        _folder.Write("backend/app/api/__pycache__/routes.cpython-311.pyc", "");
        _folder.Write("backend/app/api/.routes.py.swp", "");

        var plan = Plan("backend/app/api", "backend/app/gone.py");

        Assert.Equal(["Folder /srv/app/api", "File /srv/app/api/routes.py", "Deleted /srv/app/gone.py"], Copies(plan));
    }

    [Fact]
    public void Every_rule_whose_path_holds_the_change_applies_not_only_the_first()
    {
        var plan = Plan("backend/app/static/site.css");

        Assert.Equal(["File /srv/app/static/site.css", "File /var/www/site.css"], Copies(plan));
    }

    [Fact]
    public void A_sync_restart_rule_restarts_and_a_rebuild_rule_rebuilds()
    {
        Assert.True(Plan("backend/settings.toml").Restart);

        var rebuild = Plan("backend/requirements.txt");

        Assert.True(rebuild.Rebuild);
        Assert.Equal([Path("backend/requirements.txt")], rebuild.RebuildFor);
        Assert.Empty(rebuild.Copies);
    }

    [Fact]
    public void A_path_no_rule_covers_rebuilds_when_the_image_reads_it_and_is_unwatched_otherwise()
    {
        var plan = Plan("backend/worker.py", "docs/notes.md");

        Assert.Equal([Path("backend/worker.py")], plan.RebuildFor);
        Assert.Equal([Path("docs/notes.md")], plan.Unwatched);
    }

    [Fact]
    public void Ignore_patterns_dockerignore_editor_files_and_git_trigger_nothing()
    {
        var plan = Plan("backend/app/tests/test_main.py", "backend/app/__pycache__/main.cpython-311.pyc",
            "backend/server.log", "backend/app/main.py~", "backend/app/.main.py.swp", ".git/index");

        Assert.True(plan.IsEmpty, string.Join(", ", Copies(plan)));
        Assert.Equal(6, plan.Ignored.Count);
    }

    [Fact]
    public void A_rebuild_drops_the_copies_the_new_image_holds()
    {
        var plan = Plan("backend/requirements.txt", "backend/app/main.py", "backend/settings.toml");

        Assert.True(plan.Rebuild);
        Assert.Empty(plan.Copies);
        Assert.False(plan.Restart);
    }

    [Fact]
    public void Rule_paths_are_relative_to_the_compose_files_folder()
    {
        Assert.Equal(
            [Path("backend/app"), Path("backend/settings.toml"), Path("backend/requirements.txt"), Path("backend/app/static")],
            Rules().Paths);
    }

    [Fact]
    public void With_include_only_what_it_matches_triggers_the_rule()
    {
        _folder.Write("compose.yaml", """
            services:
              backend:
                build: {context: backend}
                develop:
                  watch:
                    - {action: sync+restart, path: ./backend/conf, target: /etc/app, include: "*.toml"}
            """);
        _folder.Write("backend/conf/app.toml", "port = 8000\n");
        _folder.Write("backend/conf/README.md", "# settings\n");

        var plan = Plan("backend/conf/app.toml", "backend/conf/README.md");

        Assert.Equal(["File /etc/app/app.toml"], Copies(plan));
        Assert.True(plan.Restart);
        Assert.Equal([Path("backend/conf/README.md")], plan.Ignored);
    }
}
