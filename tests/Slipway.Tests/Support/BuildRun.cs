using Slipway.Execution;
using Slipway.Targets;

namespace Slipway.Tests.Support;

/// <summary>Runs a build in-process, as <c>./build.sh</c> would, with its own arguments, environment and root, and
/// captures everything it prints.</summary>
public sealed record BuildRun(BuildResult Result, string Output)
{
    public int ExitCode => Result.ExitCode;

    public IReadOnlyList<string> Lines => Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public static async Task<BuildRun> RunAsync<TBuild>(
        TempRoot root,
        string[] arguments,
        Func<TBuild, Target> defaultTarget,
        IReadOnlyDictionary<string, string>? environment = null,
        bool terminal = false,
        TBuild? build = null,
        CancellationToken cancellation = default)
        where TBuild : SlipwayBuild, new()
    {
        var output = new StringWriter();
        var invocation = new Invocation(arguments)
        {
            Environment = environment ?? new Dictionary<string, string>(),
            WorkingDirectory = root.Path,
            Output = output,
            OutputIsTerminal = terminal,
            Cancellation = cancellation,
        };
        var result = await BuildRunner.RunAsync(build ?? new TBuild(), invocation, instance => defaultTarget((TBuild)instance));
        return new BuildRun(result, output.ToString());
    }
}
