using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Parameters;

/// <summary>The values of <c>[Secret]</c> parameters seen in this run, known before any of them could be printed,
/// and the one place text is masked: each whole occurrence of a value, raw and JSON-escaped, becomes <c>****</c>.
/// Whole means bounded by start, end or characters that are not part of a word, where a name joined by <c>/</c>,
/// <c>-</c> or <c>.</c> counts as one word: <c>--registry-password voice</c> masks <c>voice</c>, <c>'voice'</c>,
/// <c>user:voice@host</c> and <c>voice.</c> at the end of a sentence, but leaves <c>rel/voice</c>, <c>voice-builder</c>
/// and <c>invoice</c> alone. A value shorter than <see cref="ReliableLength"/> is masked the same way, and
/// <see cref="TooShortToMask"/> names it once so the run can warn that masking it is unreliable.</summary>
internal sealed class SecretValues
{
    public const string Mask = "****";

    /// <summary>Shorter secrets are common words or parts of them: masking cannot tell them from ordinary text.</summary>
    public const int ReliableLength = 8;

    private readonly object _lock = new();
    private (string Text, Regex Whole)[] _patterns = [];
    private readonly List<string> _tooShort = [];

    public bool IsEmpty => _patterns.Length == 0;

    /// <summary>Who set a secret shorter than <see cref="ReliableLength"/> (e.g. <c>--registry-password</c>), each once.</summary>
    public IReadOnlyList<string> TooShortToMask
    {
        get
        {
            lock (_lock)
                return _tooShort.ToArray();
        }
    }

    /// <summary>Adds a value to mask; <paramref name="owner"/> (the parameter's switch) names it in the warning about a short one.</summary>
    public void Add(string? value, string? owner = null)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        lock (_lock)
        {
            if (value.Trim().Length < ReliableLength)
            {
                var who = owner ?? "a secret value";
                if (!_tooShort.Contains(who))
                    _tooShort.Add(who);
            }
            var known = _patterns.Select(pattern => pattern.Text).ToHashSet(StringComparer.Ordinal);
            var added = new[] { value, value.Trim(), JsonEscaped(value) }
                .Where(text => text.Length > 0 && known.Add(text))
                .Select(text => (Text: text, Whole: WholeOccurrences(text)));
            _patterns = _patterns.Concat(added).OrderByDescending(pattern => pattern.Text.Length).ToArray();
        }
    }

    public string Apply(string text)
    {
        var patterns = _patterns;
        foreach (var (secret, whole) in patterns)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
                text = whole.Replace(text, Mask);
        }
        return text;
    }

    /// <summary>The secret where it is not part of a longer word or name: a word character at its edge must touch
    /// neither another word character nor a joiner (<c>/ - .</c>) that goes on into one.</summary>
    private static Regex WholeOccurrences(string secret)
    {
        var before = IsWordCharacter(secret[0]) ? @"(?<!\w)(?<!\w[/.\-])" : "";
        var after = IsWordCharacter(secret[^1]) ? @"(?!\w)(?![/.\-]\w)" : "";
        return new Regex(before + Regex.Escape(secret) + after, RegexOptions.CultureInvariant);
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

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
