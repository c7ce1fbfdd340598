using Slipway.Containers.Compose.Watch;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Compose;

public sealed class WatchPlannerTests
{
    private static WatchPlanner Seed000(string dockerignore = "") => new(
        builderInputs: ["backend/Dockerfile", "backend/requirements.txt"],
        appInputs: ["backend/Dockerfile", "backend/.dockerignore", "backend/app.py", "backend/static/**"],
        contextPrefix: "backend/",
        ignore: DockerIgnore.Parse(dockerignore),
        alwaysSent: ["backend/Dockerfile", "backend/.dockerignore"]);

    [Fact]
    public void A_code_edit_rebuilds_the_app_only()
    {
        var plan = Seed000().Plan(["backend/app.py", "backend/static/site.css"]);

        Assert.Equal(WatchAction.RebuildApp, plan.Action);
        Assert.Equal(["backend/app.py", "backend/static/site.css"], plan.Changed);
    }

    [Fact]
    public void A_dependency_edit_in_the_same_burst_rebuilds_the_builder_first()
    {
        var plan = Seed000().Plan(["backend/app.py", "backend/requirements.txt", "backend/app.py"]);

        Assert.Equal(WatchAction.RebuildBuilderAndApp, plan.Action);
        Assert.Equal(["backend/requirements.txt"], plan.Changed);
    }

    [Fact]
    public void Files_the_dockerfiles_do_not_read_or_dockerignore_leaves_out_change_nothing()
    {
        var planner = Seed000("static/*.map\nDockerfile\n.dockerignore\n");

        Assert.Same(WatchPlan.Nothing, planner.Plan(["backend/notes.md", "README.md", "backend/static/site.css.map"]));
        Assert.False(planner.Watches("backend/static/site.css.map"));
        Assert.True(planner.Watches("backend/static/site.css"));
        Assert.Equal(WatchAction.RebuildBuilderAndApp, planner.Plan(["backend/Dockerfile"]).Action);
        Assert.Equal(WatchAction.RebuildApp, planner.Plan(["backend/.dockerignore"]).Action);
    }
}
