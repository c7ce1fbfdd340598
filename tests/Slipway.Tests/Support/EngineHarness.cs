using Serilog;
using Slipway.Execution;
using Slipway.Paths;
using Slipway.Planning;
using Slipway.Targets;

namespace Slipway.Tests.Support;

/// <summary>Plans and runs a build class in-process against a temporary root, without the CLI.</summary>
internal sealed class EngineHarness : IDisposable
{
    private readonly StringWriter _log = new();

    public EngineHarness()
    {
        Root = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-engine-").FullName);
        Directory.CreateDirectory(Root / ".nuke");
    }

    public AbsolutePath Root { get; }

    public RecordingOutput Output { get; } = new();

    public string LogText => _log.ToString();

    public Plan Plan(SlipwayBuild build, params string[] invoked) => Plan(build, SkipRequest.None, invoked);

    public Plan Plan(SlipwayBuild build, SkipRequest skip, params string[] invoked)
    {
        Attach(build, CancellationToken.None);
        var targets = TargetSet.Collect(build);
        return Planner.Create(targets, invoked.Select(targets.Find).ToArray(), skip);
    }

    public Task<BuildResult> RunAsync(SlipwayBuild build, params string[] invoked) =>
        RunAsync(build, SkipRequest.None, CancellationToken.None, invoked);

    public async Task<BuildResult> RunAsync(SlipwayBuild build, SkipRequest skip, CancellationToken cancellation, params string[] invoked)
    {
        var plan = Plan(build, skip, invoked);
        Attach(build, cancellation);
        return await new Executor(build.Session).RunAsync(plan);
    }

    private void Attach(SlipwayBuild build, CancellationToken cancellation)
    {
        var logger = new LoggerConfiguration().MinimumLevel.Verbose()
            .WriteTo.Sink(new TextSink(_log)).CreateLogger();
        var invocation = new Invocation([]) { WorkingDirectory = Root, Cancellation = cancellation };
        build.Session = new RunState(invocation, Root, new Dictionary<string, object?>(), logger, Output);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
