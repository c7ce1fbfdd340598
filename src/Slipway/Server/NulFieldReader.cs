using System.Text;

namespace Slipway.Server;

/// <summary>Reads a client's request: UTF-8 fields, each ended by a NUL byte (an argument may hold any other character).</summary>
internal sealed class NulFieldReader(Stream stream)
{
    private const int MaximumFieldLength = 1024 * 1024;
    private readonly byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>The next field, or null when the client closed its side first.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var field = new MemoryStream();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await stream.ReadAsync(_buffer, cancellationToken);
                if (_end == 0)
                    return null;
            }
            var nul = Array.IndexOf(_buffer, (byte)0, _start, _end - _start);
            var stop = nul < 0 ? _end : nul;
            field.Write(_buffer, _start, stop - _start);
            if (field.Length > MaximumFieldLength)
                throw new InvalidDataException("a request field longer than 1 MB");
            _start = nul < 0 ? _end : nul + 1;
            if (nul >= 0)
                return Encoding.UTF8.GetString(field.GetBuffer(), 0, (int)field.Length);
        }
    }
}
