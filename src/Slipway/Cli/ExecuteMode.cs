using System.Diagnostics;
using Slipway.Execution;
using Slipway.Locking;
using Slipway.Parameters;

namespace Slipway.Cli;

/// <summary>Runs the plan: required parameters are checked first, then the checkout lock is taken (one build per
/// checkout; before anything is logged, so the build log is opened only by the build that holds it), then the
/// executor runs, then the summary is printed.</summary>
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
        using var checkout = await CheckoutLock.AcquireAsync(
            context.Session.Root, wait: !context.CommandLine.Has(BuiltInOptions.NoWait), context.Console, context.Session.Invocation.Cancellation);
        clock.Restart();
        context.WriteLogo();
        var result = await new Executor(context.Session, forced).RunAsync(plan);
        context.Output.Summary(result, clock.Elapsed);
        return result;
    }
}
