using Slipway.Containers.Rehearsal;

namespace Slipway.Containers.Tests.Rehearsal;

public sealed class StepActionsTests
{
    /// <summary>Generator and rehearsal stay in step: an action the generator starts to emit must be taught to the
    /// rehearsal first (StepActions), or this fails.</summary>
    [Fact]
    public void Every_action_the_committed_workflows_use_is_one_the_rehearsal_runs()
    {
        var folder = Path.Combine(WorkflowReaderTests.RepositoryRoot(), ".github", "workflows");
        var used = Directory.GetFiles(folder, "*.yml")
            .SelectMany(file => WorkflowReader.Read(Path.GetFileName(file), File.ReadAllText(file)).Jobs)
            .SelectMany(job => job.Steps).Select(step => step.Action).OfType<string>().Distinct();

        Assert.All(used, action => Assert.Contains(action, StepActions.Known));
    }
}

public sealed class BuilderBuildsTests
{
    [Fact]
    public void An_app_build_from_the_builder_is_not_a_builder_build()
    {
        string[] lines =
        [
            "[00:22:40 INF] linux/amd64: 127.0.0.1:33171/acme/voice-builder:deps-9275d7dab9d9 is in the registry: pulled instead of rebuilt",
            "[00:22:45 INF] linux/amd64: building acme/voice:latest FROM acme/voice-builder:deps-9275d7dab9d9",
            "[23:50:27 INF] linux/amd64: building acme/voice-builder:deps-9275d7dab9d9",
        ];

        Assert.Equal([lines[2]], WorkflowRehearsal.BuilderBuilds(lines));
    }
}
