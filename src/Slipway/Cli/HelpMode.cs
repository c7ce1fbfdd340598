using Slipway.Execution;

namespace Slipway.Cli;

/// <summary><c>--help</c>: targets, parameters and options; exits 0.</summary>
internal sealed class HelpMode : IRunMode
{
    public bool AppliesTo(CommandLine commandLine) => commandLine.Help;

    public bool WritesBuildLog => false;

    public Task<BuildResult> RunAsync(RunContext context)
    {
        HelpText.Write(context);
        return Task.FromResult(new BuildResult(0, []));
    }
}
