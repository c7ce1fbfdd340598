using System.Text.Json;
using Slipway.Paths;

namespace Slipway.Parameters;

/// <summary>A <c>.nuke/parameters[.profile].json</c> file: one JSON object whose keys are parameter names. Comments and
/// trailing commas are allowed; a syntax error or a duplicate key fails naming the file and line.</summary>
internal sealed class ParameterFile
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private ParameterFile(string displayPath, IReadOnlyList<ParameterFileEntry> entries)
    {
        DisplayPath = displayPath;
        Entries = entries;
    }

    /// <summary>The path relative to the root, as errors show it.</summary>
    public string DisplayPath { get; }

    public IReadOnlyList<ParameterFileEntry> Entries { get; }

    public static ParameterFile Read(AbsolutePath file, AbsolutePath root)
    {
        var displayPath = file.RelativeTo(root);
        var bytes = File.ReadAllBytes(file);
        var offset = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = bytes.AsMemory(offset);
        try
        {
            return new ParameterFile(displayPath, ReadEntries(json.Span, displayPath));
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            throw new SlipwayException($"{displayPath}:{line}: malformed JSON: {WithoutPosition(exception.Message)}");
        }
    }

    private static List<ParameterFileEntry> ReadEntries(ReadOnlySpan<byte> json, string displayPath)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var entries = new List<ParameterFileEntry>();
        if (!reader.Read())
            return entries;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new SlipwayException($"{displayPath}:{LineOf(json, reader.TokenStartIndex)}: expected a JSON object of parameter names and values");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var origin = $"{displayPath}:{LineOf(json, reader.TokenStartIndex)}";
            if (entries.Any(entry => entry.Key == key))
                throw new SlipwayException($"{origin}: '{key}' is set twice");
            reader.Read();
            entries.Add(new ParameterFileEntry(key, JsonElement.ParseValue(ref reader), origin));
        }
        while (reader.Read())
        {
            // reaching the end checks that nothing follows the object
        }
        return entries;
    }

    private static int LineOf(ReadOnlySpan<byte> json, long index) =>
        json[..(int)Math.Min(index, json.Length)].Count((byte)'\n') + 1;

    /// <summary>System.Text.Json appends "LineNumber: n | BytePositionInLine: m."; the file:line prefix says it better.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).Trim();
    }
}
