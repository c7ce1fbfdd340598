using System.Security.Cryptography;
using System.Text;

namespace Slipway.Server;

/// <summary>
/// One run a client asks for, as build.sh sends it: the client token, a request id (the name of the file the exit
/// code goes to), whether its output is a terminal, the terminal's columns and rows, the argument count, then the
/// arguments; every field ends with a NUL byte.
/// </summary>
internal sealed record ServedRequest(string Id, bool Terminal, (int Columns, int Rows)? Window, IReadOnlyList<string> Arguments)
{
    private const int MaximumArguments = 10_000;

    /// <summary>The request, or null when it is not one this server takes (wrong token, malformed, cut short).</summary>
    public static async Task<ServedRequest?> ReadAsync(NulFieldReader reader, string clientToken, CancellationToken cancellationToken)
    {
        var token = await reader.ReadAsync(cancellationToken);
        if (token is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(clientToken)))
            return null;
        var id = await reader.ReadAsync(cancellationToken);
        var terminal = await reader.ReadAsync(cancellationToken);
        var columns = await reader.ReadAsync(cancellationToken);
        var rows = await reader.ReadAsync(cancellationToken);
        var count = await reader.ReadAsync(cancellationToken);
        if (id is null || !IsSafeId(id) || terminal is not ("0" or "1") || !int.TryParse(count, out var argumentCount)
            || argumentCount is < 0 or > MaximumArguments)
            return null;
        var arguments = new List<string>(argumentCount);
        for (var i = 0; i < argumentCount; i++)
        {
            if (await reader.ReadAsync(cancellationToken) is not { } argument)
                return null;
            arguments.Add(argument);
        }
        var window = int.TryParse(columns, out var width) && int.TryParse(rows, out var height) && width > 0 && height > 0
            ? (width, height)
            : ((int, int)?)null;
        return new ServedRequest(id, terminal == "1", window, arguments);
    }

    private static bool IsSafeId(string id) =>
        id.Length is > 0 and <= 64 && id.All(character => char.IsAsciiLetterOrDigit(character) || character == '-');
}
