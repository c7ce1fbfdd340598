using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Slipway.Execution;
using Slipway.Targets;

namespace Slipway.Server;

/// <summary>
/// The build server: a warm build process for one checkout, environment and compiled build, so that a run on a
/// developer's machine skips the process start and the first-call costs (JIT, first requests) a fresh process pays.
/// build.sh starts one in the background when it finds none and hands it the next runs (README, "The build server").
/// Each run is executed as a fresh process would execute it: build.sh keys servers by the environment and directory,
/// so the server's own are the client's. It listens on loopback only, proves itself to a client by answering the
/// client's challenge with a key from its server file (readable by its owner only), and serves only clients that then
/// send the token in that file. It ends after <see cref="IdleLimit"/> without runs, when its server file is
/// removed or names another server, when the compiled build changes, or on SIGTERM/SIGINT (cancelling runs in flight).
/// </summary>
public static class BuildServer
{
    /// <summary>The hidden first argument that makes the build program a server: <c>--slipway-build-server FILE</c>.</summary>
    public const string Argument = "--slipway-build-server";

    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(1);

    internal static int Serve(string serverFile, Func<SlipwayBuild> newBuild, Func<SlipwayBuild, Target> defaultTarget)
    {
        var path = Path.GetFullPath(serverFile);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        using var stop = new CancellationTokenSource();
        using var terminate = SignalCancellation.Cancel(PosixSignal.SIGTERM, stop);
        using var interrupt = SignalCancellation.Cancel(PosixSignal.SIGINT, stop);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var identity = BuildServerFile.New(((IPEndPoint)listener.LocalEndpoint).Port);
        identity.WriteTo(path);
        var compiledAt = CompiledAt();
        var runs = new RunsInFlight();
        Func<Invocation, Task<int>> run = async invocation => (await BuildRunner.RunAsync(newBuild(), invocation, defaultTarget)).ExitCode;
        try
        {
            // the first calls of parsing and planning, made before a client waits for them
            _ = Task.Run(() => run(Invocation.FromProcess(["--help"], stop.Token) with { Output = TextWriter.Null }));
            var watching = WatchAsync(() =>
                BuildServerFile.Read(path)?.ProofKey != identity.ProofKey || CompiledAt() != compiledAt, runs, stop);
            AcceptAsync(listener, identity, folder, run, runs, stop.Token).GetAwaiter().GetResult();
            watching.GetAwaiter().GetResult();
        }
        finally
        {
            listener.Stop();
            runs.AllDone().GetAwaiter().GetResult();
            if (BuildServerFile.Read(path)?.ProofKey == identity.ProofKey)
                File.Delete(path);
        }
        return 0;
    }

    private static async Task AcceptAsync(
        TcpListener listener, BuildServerFile identity, string folder, Func<Invocation, Task<int>> run, RunsInFlight runs, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            runs.Track(ServedRun.ServeAsync(client, identity, folder, run, stop));
        }
    }

    /// <summary>Stops the server, between runs, once it is no longer wanted or has been idle too long.</summary>
    private static async Task WatchAsync(Func<bool> replaced, RunsInFlight runs, CancellationTokenSource stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(WatchInterval, stop.Token);
                if (runs.Count == 0 && (replaced() || runs.IdleFor >= IdleLimit))
                {
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>When the compiled build was last written (a new compile rewrites some of its assemblies in place);
    /// <see cref="DateTime.MaxValue"/> once its folder is gone.</summary>
    private static DateTime CompiledAt()
    {
        try
        {
            return Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return DateTime.MaxValue;
        }
    }
}
