using System.Security.Cryptography;
using System.Text;

namespace Slipway.Server;

/// <summary>
/// What a build server tells its clients, in one line of its server file: the loopback port it listens on, the token
/// a client must send, the key of the proof it answers a client's challenge with (so a client never talks to whatever
/// took over a dead server's port), and its process id. Readable by its owner only: the token and the key never cross
/// the socket, so nothing a stranger can read there lets it pass for the server or for a client.
/// </summary>
internal sealed record BuildServerFile(int Port, string ClientToken, string ProofKey, int ProcessId)
{
    public static BuildServerFile New(int port) =>
        new(port, RandomNumberGenerator.GetHexString(32, lowercase: true), RandomNumberGenerator.GetHexString(64, lowercase: true), Environment.ProcessId);

    /// <summary>The proof for a client's challenge: HMAC-SHA256 of the challenge's text under the key, in lowercase
    /// hex (build.sh computes the same with sha256sum and checks it before it sends the token).</summary>
    public string Prove(string challenge) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromHexString(ProofKey), Encoding.ASCII.GetBytes(challenge)));

    public void WriteTo(string path) =>
        Paths.AtomicFile.WriteAllText(path, $"{Port} {ClientToken} {ProofKey} {ProcessId}\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>The server the file names now, or null when it is gone or unreadable.</summary>
    public static BuildServerFile? Read(string path)
    {
        try
        {
            var fields = File.ReadAllText(path).Split(' ', StringSplitOptions.TrimEntries);
            return fields.Length == 4 && int.TryParse(fields[0], out var port) && int.TryParse(fields[3], out var processId)
                ? new BuildServerFile(port, fields[1], fields[2], processId)
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
