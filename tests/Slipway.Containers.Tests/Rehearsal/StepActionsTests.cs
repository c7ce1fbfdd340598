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

public sealed class UnknownActionTests
{
    [Fact]
    public void A_step_using_an_action_the_rehearsal_does_not_know_fails_it_naming_the_step_before_any_job_runs()
    {
        var workflow = WorkflowReader.Read("app.yml", """
            name: app
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                steps:
                  - name: Check out
                    uses: actions/checkout@v4
                  - name: Set up QEMU
                    uses: docker/setup-qemu-action@29109295f81e9208d7d86ff1c6c12d2833863392
                  - name: Set up Buildx
                    uses: docker/setup-buildx-action@v3
            """);

        var error = Assert.Throws<SlipwayException>(() => StepActions.CheckKnown(workflow));

        Assert.StartsWith("cannot rehearse app.yml: job build, step 'Set up Buildx' uses docker/setup-buildx-action@v3, which the rehearsal cannot run", error.Message);
    }
}
