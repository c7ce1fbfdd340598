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
