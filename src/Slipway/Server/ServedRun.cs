using System.Net.Sockets;
using System.Text;
using Slipway.Execution;

namespace Slipway.Server;

/// <summary>
/// One client's connection to the build server: answers the client's challenge with the server's proof (a client
/// sends its token only once the proof holds: README, "The build server"), reads its request, runs the build
/// with its arguments (output streamed back as written), cancels the run when the client sends <c>cancel</c> (build.sh
/// forwards Ctrl-C and SIGTERM so) or goes away, and leaves the exit code in <c>&lt;request id&gt;.exit</c> beside the
/// server file before closing.
/// </summary>
internal static class ServedRun
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task ServeAsync(
        TcpClient client, BuildServerFile identity, string folder, Func<Invocation, Task<int>> run, CancellationToken stop)
    {
        using var _ = client;
        client.NoDelay = true;
        var connection = client.GetStream();
        var reader = new NulFieldReader(connection);
        ServedRequest? request;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(RequestTimeout);
            var challenge = await reader.ReadAsync(timeout.Token);
            if (challenge is null || !IsChallenge(challenge))
                return;
            await connection.WriteAsync(Encoding.ASCII.GetBytes(identity.Prove(challenge) + "\n"), timeout.Token);
            request = await ServedRequest.ReadAsync(reader, identity.ClientToken, timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidDataException or SocketException)
        {
            return;
        }
        if (request is null)
            return;

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var control = WatchClientAsync(reader, cancellation);
        var output = new ClientOutput(connection);
        var invocation = Invocation.FromProcess([.. request.Arguments], cancellation.Token) with
        {
            Output = output,
            OutputIsTerminal = request.Terminal,
            TerminalWindow = request.Window,
        };
        int exitCode;
        try
        {
            exitCode = await run(invocation);
        }
        catch (Exception exception)
        {
            output.WriteLine("error: the build server failed to run the build: " + exception.Message.ReplaceLineEndings(" "));
            exitCode = 1;
        }
        output.Flush();
        Paths.AtomicFile.WriteAllText(Path.Combine(folder, request.Id + ".exit"), exitCode + "\n");
        await cancellation.CancelAsync();
        await control;
        try
        {
            client.Client.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
    }

    /// <summary>A client's challenge: a fresh random number in hex, 128 to 512 bits.</summary>
    private static bool IsChallenge(string challenge) =>
        challenge.Length is >= 32 and <= 128 && challenge.All(char.IsAsciiHexDigitLower);

    /// <summary>Where the client tells its run to stop: a <c>cancel</c> field, or its side of the connection closing.</summary>
    private static async Task WatchClientAsync(NulFieldReader reader, CancellationTokenSource run)
    {
        try
        {
            while (await reader.ReadAsync(run.Token) is { } field)
            {
                if (field == "cancel")
                    await run.CancelAsync();
            }
            await run.CancelAsync();
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or InvalidDataException or SocketException)
        {
        }
    }
}
