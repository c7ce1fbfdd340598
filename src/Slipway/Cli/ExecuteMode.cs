using System.Diagnostics;
using Slipway.Execution;
using Slipway.Parameters;

namespace Slipway.Cli;

/// <summary>Runs the plan: required parameters are checked first, then the executor runs, then the summary is printed.</summary>
internal sealed class ExecuteMode : IRunMode
{
    public bool AppliesTo(CommandLine commandLine) => true;

    public bool WritesBuildLog => true;

    public async Task<BuildResult> RunAsync(RunContext context)
    {
        var clock = Stopwatch.StartNew();
        var plan = context.CreatePlan();
        var forced = context.CommandLine.Force.Resolve(context.Targets);
        RequiredParameters.ThrowIfMissing(context.Build, context.Parameters);
        RequirementCheck.ThrowIfUnmet(plan); // the executor checks too; here it fails before the logo, as one line
        context.WriteLogo();
        var result = await new Executor(context.Session, forced).RunAsync(plan);
        context.Output.Summary(result, clock.Elapsed);
        return result;
    }
}
