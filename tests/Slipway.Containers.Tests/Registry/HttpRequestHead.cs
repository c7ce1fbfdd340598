using System.Text;

namespace Slipway.Containers.Tests.Registry;

/// <summary>The start line and headers of an HTTP/1.1 request, as read off the wire by the test servers.</summary>
internal sealed record HttpRequestHead(string Method, string Target, string Version, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public string Path => Target.Split('?')[0];

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Reads up to the blank line; null when the connection closed first.</summary>
    public static async Task<HttpRequestHead?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
                return null;
            bytes.Add(one[0]);
            if (bytes.Count > 64 * 1024)
                throw new InvalidDataException("request head too large");
        }
        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => KeyValuePair.Create(p[0].Trim(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();
        return new HttpRequestHead(start[0], start[1], start[2], headers);
    }

    /// <summary>Reads the body the head announces (Content-Length or chunked) and returns it whole.</summary>
    public async Task<byte[]> ReadBodyAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            return await ReadChunkedAsync(stream, cancellationToken);
        var length = long.TryParse(Header("Content-Length"), out var l) ? l : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return body;
    }

    /// <summary>The head to send upstream: one request per connection, body length stated; an empty replacement removes a header.</summary>
    public byte[] ForUpstream(int bodyLength, IEnumerable<KeyValuePair<string, string>>? replace = null)
    {
        var drop = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Connection", "Transfer-Encoding", "Content-Length", "Keep-Alive" };
        var extra = replace?.ToList() ?? [];
        foreach (var header in extra)
            drop.Add(header.Key);
        var text = new StringBuilder($"{Method} {Target} {Version}\r\n");
        foreach (var (key, value) in Headers.Where(h => !drop.Contains(h.Key)).Concat(extra.Where(h => h.Value.Length > 0)))
            text.Append($"{key}: {value}\r\n");
        if (bodyLength > 0 || Method is "POST" or "PUT" or "PATCH")
            text.Append($"Content-Length: {bodyLength}\r\n");
        text.Append("Connection: close\r\n\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(stream, cancellationToken);
            var size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                while ((await ReadLineAsync(stream, cancellationToken)).Length > 0)
                {
                    // trailers: ignored
                }
                return body.ToArray();
            }
            var chunk = new byte[size];
            await stream.ReadExactlyAsync(chunk, cancellationToken);
            body.Write(chunk);
            await ReadLineAsync(stream, cancellationToken);
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == '\n')
                return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
        throw new EndOfStreamException();
    }
}
