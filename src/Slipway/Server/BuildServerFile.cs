using System.Security.Cryptography;

namespace Slipway.Server;

/// <summary>
/// What a build server tells its clients, in one line of its server file: the loopback port it listens on, the token
/// a client must send, the proof it greets a client with (so a client never talks to whatever took over a dead
/// server's port), and its process id. Readable by its owner only, as the token is the only key to the server.
/// </summary>
internal sealed record BuildServerFile(int Port, string ClientToken, string ServerProof, int ProcessId)
{
    public static BuildServerFile New(int port) =>
        new(port, RandomNumberGenerator.GetHexString(32, lowercase: true), RandomNumberGenerator.GetHexString(32, lowercase: true), Environment.ProcessId);

    public void WriteTo(string path) =>
        Paths.AtomicFile.WriteAllText(path, $"{Port} {ClientToken} {ServerProof} {ProcessId}\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

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
