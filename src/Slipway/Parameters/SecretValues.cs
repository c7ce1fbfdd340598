using System.Text;

namespace Slipway.Parameters;

/// <summary>The values of <c>[Secret]</c> parameters seen in this run, known before any of them could be printed,
/// and the one place text is masked: each value, raw and JSON-escaped, becomes <c>****</c>.</summary>
internal sealed class SecretValues
{
    public const string Mask = "****";

    private readonly object _lock = new();
    private string[] _patterns = [];

    public bool IsEmpty => _patterns.Length == 0;

    public void Add(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        lock (_lock)
        {
            _patterns = _patterns.Concat([value, value.Trim(), JsonEscaped(value)])
                .Where(pattern => pattern.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(pattern => pattern.Length)
                .ToArray();
        }
    }

    public string Apply(string text)
    {
        var patterns = _patterns;
        foreach (var pattern in patterns)
        {
            if (text.Contains(pattern, StringComparison.Ordinal))
                text = text.Replace(pattern, Mask, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>How the compact JSON log writes the value inside a string.</summary>
    private static string JsonEscaped(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
