using Serilog;
using Slipway.Execution;
using Slipway.Paths;
using Slipway.Targets;

namespace Slipway;

/// <summary>The base of a build class: <c>class Build : SlipwayBuild, IBuildAppImage</c>.</summary>
public abstract partial class SlipwayBuild : ISlipwayBuild
{
    private RunState? _session;

    internal RunState Session
    {
        get => _session ?? throw new InvalidOperationException("the build has not been started by the engine");
        set => _session = value;
    }

    public AbsolutePath RootDirectory => Session.Root;

    public AbsolutePath TemporaryDirectory => BuildFolders.TemporaryDirectoryOf(Session.Root);

    public ILogger Log => Session.Log;

    public IReadOnlyDictionary<string, string> EnvironmentVariables => Session.Invocation.Environment;

    public CancellationToken Cancellation => Session.Invocation.Cancellation;

    public bool IsGitHubActions => Ci.GitHubActionsEnvironment.From(EnvironmentVariables).IsGitHubActions;

    public T ParameterValue<T>(string memberName, T fallback) =>
        !Session.ParameterValues.TryGetValue(memberName, out var value) || value is null ? fallback
        : value is T typed ? typed
        : throw new Parameters.ParameterReadMismatch(memberName, typeof(T), value.GetType());

    public string? ParameterOrigin(string memberName) => Session.ParameterOrigins.GetValueOrDefault(memberName);

    public T Value<T>() where T : class => Session.Values.Get<T>(Session.CurrentTarget);

    public void Note(string text) => Session.CurrentNote = text;

    public bool IsForced => Session.CurrentTargetForced;

    public Output.Progress.IProgressReporter Progress => Session.Output.Progress;

    public void MaskSecret(string value, string owner)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        Session.Secrets.Add(value, owner);
        if (value.Trim().Length < Parameters.SecretValues.ReliableLength)
            Log.Warning("The secret {Owner:l} is shorter than {Length} characters: it cannot be masked reliably (it is masked only where it stands alone)",
                owner, Parameters.SecretValues.ReliableLength);
    }

    /// <summary>A build waits on many things at once (child processes' output, the engine, a session server), and .NET
    /// reads a child's pipes on thread-pool threads that block: with one thread per core (two on a small CI runner) a few
    /// git calls side by side starve the pool, which adds threads only about once a second.</summary>
    private static void RaiseThreadPoolFloor()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completions, 32));
    }

    /// <summary>The entry point of a build program: <c>public static int Main(string[] args) => Execute&lt;Build&gt;(args, x => x.Compile);</c>
    /// Ctrl-C (SIGINT) and SIGTERM (sent by <c>timeout</c>, CI cancellation, <c>docker stop</c>) do the same: the
    /// invocation's cancellation token is cancelled, the running target sees it and stops, assured targets run, the
    /// summary is printed and the exit code is 1. The process is not ended by the signal itself.</summary>
    protected static int Execute<TBuild>(string[] arguments, Func<TBuild, Target> defaultTarget)
        where TBuild : SlipwayBuild, new()
    {
        RaiseThreadPoolFloor();
        if (arguments is [Server.BuildServer.Argument, var serverFile])
            return Server.BuildServer.Serve(serverFile, () => new TBuild(), build => defaultTarget((TBuild)build));
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, args) =>
        {
            args.Cancel = true;
            cancellation.Cancel();
        };
        using var terminate = SignalCancellation.Cancel(System.Runtime.InteropServices.PosixSignal.SIGTERM, cancellation); // null without SIGTERM: Ctrl-C still cancels
        var invocation = Invocation.FromProcess(arguments, cancellation.Token);
        return BuildRunner.RunAsync(new TBuild(), invocation, build => defaultTarget((TBuild)build)).GetAwaiter().GetResult().ExitCode;
    }
}
