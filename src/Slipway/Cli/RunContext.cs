using Slipway.Execution;
using Slipway.Output;
using Slipway.Parameters;
using Slipway.Planning;
using Slipway.Targets;
using Slipway.Targets.Values;

namespace Slipway.Cli;

/// <summary>Everything a <see cref="IRunMode"/> works with.</summary>
internal sealed record RunContext(
    SlipwayBuild Build,
    RunState Session,
    CommandLine CommandLine,
    TargetSet Targets,
    ResolvedParameters Parameters,
    Func<SlipwayBuild, Target> DefaultTarget,
    TextWriter Console,
    Ansi Ansi,
    IBuildOutput Output)
{
    public ExecutableTarget Default => Targets.Resolve(DefaultTarget(Build));

    /// <summary>The targets named on the command line (or in a parameters file), else the default target.</summary>
    public IReadOnlyList<ExecutableTarget> Invoked =>
        CommandLine.Targets.Count > 0 ? CommandLine.Targets.Select(Targets.Find).Distinct().ToArray() : [Default];

    /// <summary>Printed once the arguments proved good, so a bad argument prints one line only.</summary>
    public void WriteLogo()
    {
        if (!CommandLine.NoLogo && CommandLine.Verbosity > Verbosity.Quiet)
            Logo.Write(Console, Ansi);
    }

    /// <summary>The plan of the invoked targets, its value flow checked: a consumer without its producer fails here.</summary>
    public Plan CreatePlan()
    {
        var given = Session.Values.Given;
        var plan = Planner.Create(Targets, Invoked, CommandLine.Skip, given);
        ValueFlowCheck.ThrowIfBroken(plan, Targets, given);
        return plan;
    }
}
