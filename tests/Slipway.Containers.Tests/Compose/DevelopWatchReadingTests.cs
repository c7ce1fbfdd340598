using Slipway.Containers.Compose;

namespace Slipway.Containers.Tests.Compose;

public sealed class DevelopWatchReadingTests
{
    [Fact]
    public void Reads_every_rule_with_its_action_path_target_and_patterns()
    {
        var project = ComposeFile.Parse("""
            services:
              backend:
                build: ./backend
                develop:
                  watch:
                    - action: sync
                      path: ./backend/app
                      target: /app/app
                      ignore: [__pycache__/, "*.pyc"]
                    - action: sync+restart
                      path: ./backend/config.toml
                      target: /app/config.toml
                    - action: rebuild
                      path: backend/requirements.txt
                    - action: restart
                      path: ./backend/reload
                      include: "*.flag"
                      initial_sync: true
              redis:
                image: redis:7-bookworm
            """, "compose.yaml");

        var rules = project.Service("backend")!.DevelopWatch;
        Assert.Equal([DevelopWatchAction.Sync, DevelopWatchAction.SyncRestart, DevelopWatchAction.Rebuild, DevelopWatchAction.Restart],
            rules.Select(rule => rule.Action));
        Assert.Equal(("./backend/app", "/app/app", 6), (rules[0].Path, rules[0].Target, rules[0].Line));
        Assert.Equal(["__pycache__/", "*.pyc"], rules[0].Ignore);
        Assert.Null(rules[2].Target);
        Assert.Equal(["*.flag"], rules[3].Include);
        Assert.True(rules[3].InitialSync);
        Assert.Equal([false, true, false, true], rules.Select(rule => rule.Restarts));
        Assert.Empty(project.Service("redis")!.DevelopWatch);
    }

    [Theory]
    [InlineData("- action: copy\n          path: ./app\n          target: /app", "compose.yaml:7: backend.develop.watch[0].action 'copy' is not one of sync, sync+restart, rebuild, restart")]
    [InlineData("- action: sync\n          path: ./app", "compose.yaml:7: backend.develop.watch[0] has action sync but no target")]
    [InlineData("- action: sync+restart\n          path: ./app\n          target: \"\"", "compose.yaml:7: backend.develop.watch[0] has action sync+restart but no target")]
    [InlineData("- path: ./app", "compose.yaml:7: backend.develop.watch[0] has no action")]
    [InlineData("- action: rebuild", "compose.yaml:7: backend.develop.watch[0] has no path")]
    [InlineData("- action: sync+exec\n          path: ./app\n          target: /app", "compose.yaml:7: backend.develop.watch[0].action sync+exec is not supported by Slipway's Watch")]
    [InlineData("- action: sync\n          path: ./app\n          target: /app\n          ignore: 3", "compose.yaml:10: backend.develop.watch[0].ignore must be a list")]
    [InlineData("- action: sync\n          path: ./app\n          target: /app\n          initial_sync: sometimes", "compose.yaml:10: backend.develop.watch[0].initial_sync must be true or false")]
    [InlineData("- ./app", "compose.yaml:7: backend.develop.watch[0] must be a mapping")]
    public void A_rule_slipway_cannot_honour_is_one_error_naming_the_file_and_the_line(string rule, string expected)
    {
        var text = $"""
            services:
              backend:
                build: ./backend
                develop:
                  watch:
                    # the rule
                    {rule}
            """;

        var problem = Assert.Throws<SlipwayException>(() => ComposeFile.Parse(text, "compose.yaml"));

        Assert.StartsWith(expected, problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Fact]
    public void A_rebuild_rule_on_a_service_without_a_build_section_is_one_error()
    {
        var problem = Assert.Throws<SlipwayException>(() => ComposeFile.Parse("""
            services:
              redis:
                image: redis:7-bookworm
                develop:
                  watch:
                    - {action: rebuild, path: ./redis.conf}
            """, "compose.yaml"));

        Assert.Equal("compose.yaml:6: redis.develop.watch[0] has action rebuild, but the service has no build: section to rebuild", problem.Message);
    }
}
