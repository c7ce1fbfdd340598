using Slipway.Execution;
using Slipway.Output;

namespace Slipway.Cli;

/// <summary><c>--plan</c>: what would run, in order and why, and what would be skipped and why; draws the graph in
/// <c>.nuke/temp/plan.html</c>. Runs nothing; exits 0.</summary>
internal sealed class PlanMode : IRunMode
{
    public bool AppliesTo(CommandLine commandLine) => commandLine.Plan;

    public bool WritesBuildLog => false;

    public Task<BuildResult> RunAsync(RunContext context)
    {
        var plan = context.CreatePlan();
        context.CommandLine.Force.Resolve(context.Targets); // a misspelt --force name fails here as it would in the run
        foreach (var step in plan.Steps.Where(step => step.SkipReason is null))
            step.Target.ThrowIfPreviewFails(); // a parameter the target could not use (a bad --registry) fails the plan as it would the run
        context.WriteLogo();
        var page = Paths.BuildFolders.TemporaryDirectoryOf(context.Session.Root) / "plan.html";
        PlanPage.Write(page, plan, context.Invoked);
        PlanText.Write(context.Console, context.Ansi, plan, context.Invoked, page.RelativeTo(context.Session.Root));
        context.Console.Flush();
        return Task.FromResult(new BuildResult(0, []));
    }
}
