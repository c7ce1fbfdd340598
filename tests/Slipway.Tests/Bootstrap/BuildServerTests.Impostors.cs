using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Slipway.Tests.Bootstrap;

/// <summary>The handshake, from both sides: a process that took a dead server's port gets the client's challenge and
/// nothing after it, whatever it answers; a live server answers a challenge with the keyed hash its file's key gives
/// and serves no client without the token.</summary>
public sealed partial class BuildServerTests
{
    [Fact]
    public async Task A_process_on_a_dead_servers_port_gets_nothing_after_the_challenge_and_the_client_runs_the_build_itself()
    {
        var environment = Asking("impostor");
        var before = ServerFiles();
        using var startsElsewhere = await Checkout.RunWithAsync(Asking("impostor-elsewhere"), "Where", "--no-logo");
        var elsewhere = await NewServerAsync(before);
        using var starts = await Checkout.RunWithAsync(environment, "Where", "--no-logo");
        var server = await NewServerAsync([.. before, elsewhere.File]);

        // what a stranger can have: the server's answers to challenges of its own, and those of another live server
        var impostors = new (string Name, Func<string, string, Task<string>> Answer)[]
        {
            ("replays an answer the server gave a stranger", (recorded, _) => Task.FromResult(recorded)),
            ("echoes the challenge", (_, challenge) => Task.FromResult(challenge)),
            ("forwards the challenge to another live server", async (_, challenge) => (await ChallengeAsync(ServerLine(elsewhere.File), challenge)).Answer),
        };
        foreach (var (name, answer) in impostors)
        {
            var line = ServerLine(server.File);
            var recorded = (await ChallengeAsync(line, RandomNumberGenerator.GetHexString(64, lowercase: true))).Answer;
            using (var process = Process.GetProcessById(server.ProcessId))
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
            using var impostor = new TcpListener(IPAddress.Loopback, line.Port);
            impostor.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            impostor.Start();
            var received = PlayServerAsync(impostor, challenge => answer(recorded, challenge));

            using var run = await Checkout.RunWithAsync(environment, "Where", "--no-logo");

            Assert.True(run.ExitCode == 0, name + ": " + run.Output + run.Errors);
            Assert.Equal(run.Id, ProcessOf(run));
            Assert.Matches("^[0-9a-f]{64}\0$", await received); // the challenge alone: no token, no arguments
            server = await NewServerAsync([.. before, elsewhere.File], except: server.ProcessId); // the run started it
        }
    }

    [Fact]
    public async Task A_server_answers_a_challenge_with_the_keyed_hash_of_its_file_and_serves_no_client_without_the_token()
    {
        var before = ServerFiles();
        using var starts = await Checkout.RunWithAsync(Asking("token"), "Where", "--no-logo");
        var server = await NewServerAsync(before);
        var line = ServerLine(server.File);
        var challenge = RandomNumberGenerator.GetHexString(64, lowercase: true);

        var (answer, connection) = await ChallengeAsync(line, challenge, keepOpen: true);
        using (connection)
        {
            var request = string.Join("", new[] { new string('0', 32), "stranger", "0", "0", "0", "2", "Where", "--no-logo" }.Select(field => field + "\0"));
            await connection.GetStream().WriteAsync(Encoding.UTF8.GetBytes(request));
            var rest = await ReadToEndAsync(connection.GetStream(), Patience);

            var key = Convert.FromHexString(line.Key);
            Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(challenge))), answer);
            Assert.Equal("", rest);
        }
        Assert.False(File.Exists(Path.Combine(ServerFolder, "stranger.exit")));
        Assert.False(Process.GetProcessById(server.ProcessId).HasExited);
    }

    private static (int Port, string Token, string Key) ServerLine(string file) =>
        File.ReadAllText(file).Split(' ', StringSplitOptions.TrimEntries) is [var port, var token, var key, _]
            ? (int.Parse(port), token, key)
            : throw new Xunit.Sdk.XunitException("not a server file: " + file);

    /// <summary>Sends <paramref name="challenge"/> to the server <paramref name="line"/> names, as build.sh does, and
    /// reads its answer line; the connection is closed unless <paramref name="keepOpen"/>.</summary>
    private static async Task<(string Answer, TcpClient Connection)> ChallengeAsync(
        (int Port, string Token, string Key) line, string challenge, bool keepOpen = false)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, line.Port);
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(challenge + "\0"));
        var answer = new StringBuilder();
        var one = new byte[1];
        while (await client.GetStream().ReadAsync(one) == 1 && one[0] != '\n')
            answer.Append((char)one[0]);
        if (!keepOpen)
            client.Dispose();
        return (answer.ToString(), client);
    }

    /// <summary>Plays the server on the port it took: one connection, its challenge (up to the first NUL) answered by
    /// <paramref name="answer"/>; everything the client sent, until it closed its side.</summary>
    private static async Task<string> PlayServerAsync(TcpListener listener, Func<string, Task<string>> answer)
    {
        try
        {
            using var limit = new CancellationTokenSource(Patience);
            using var client = await listener.AcceptTcpClientAsync(limit.Token);
            var stream = client.GetStream();
            var received = new StringBuilder();
            var one = new byte[1];
            while (await stream.ReadAsync(one, limit.Token) == 1 && one[0] != 0)
                received.Append((char)one[0]);
            var challenge = received.ToString();
            received.Append('\0');
            await stream.WriteAsync(Encoding.ASCII.GetBytes(await answer(challenge) + "\n"), limit.Token);
            return received + await ReadToEndAsync(stream, Patience);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<string> ReadToEndAsync(Stream stream, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest, limit.Token);
        return Encoding.UTF8.GetString(rest.ToArray());
    }
}
