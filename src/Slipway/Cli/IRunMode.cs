using Slipway.Execution;

namespace Slipway.Cli;

/// <summary>What one run does once arguments, root and parameters are known: show help, show the plan, execute, or
/// (added later) generate CI configuration. <see cref="BuildRunner"/> takes the first mode that applies.</summary>
internal interface IRunMode
{
    bool AppliesTo(CommandLine commandLine);

    /// <summary>Whether the run writes <c>.nuke/temp/build.log</c> (help and plan do not, to start fast).</summary>
    bool WritesBuildLog { get; }

    Task<BuildResult> RunAsync(RunContext context);
}
