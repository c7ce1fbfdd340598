using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Engine;

/// <summary>
/// One line of a .dockerignore, matched the way Docker's pattern matcher does: <c>*</c> and <c>?</c> stop at <c>/</c>,
/// <c>**</c> spans folders, a leading <c>**</c> matches any suffix, a trailing <c>**</c> any prefix, <c>[...]</c> is a class,
/// <c>\</c> escapes. A pattern also matches everything below a folder it matches (see <see cref="DockerIgnore"/>).
/// </summary>
internal sealed class DockerIgnorePattern
{
    private enum Kind { Exact, Prefix, Suffix, Expression }

    private readonly Kind _kind;
    private readonly Regex? _expression;

    public DockerIgnorePattern(string cleanedPattern, bool isException)
    {
        Text = cleanedPattern;
        IsException = isException;
        (_kind, var expression) = Compile(cleanedPattern);
        _expression = expression is null ? null : new Regex(expression, RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The pattern after cleaning, without its <c>!</c>.</summary>
    public string Text { get; }

    /// <summary>A <c>!pattern</c>: brings back what earlier lines excluded.</summary>
    public bool IsException { get; }

    public bool Matches(string path) => _kind switch
    {
        Kind.Exact => path == Text,
        Kind.Prefix => path.StartsWith(Text[..^2], StringComparison.Ordinal),
        Kind.Suffix => path.EndsWith(Text[2..], StringComparison.Ordinal) || (Text[2] == '/' && path == Text[3..]),
        _ => _expression!.IsMatch(path),
    };

    public override string ToString() => IsException ? "!" + Text : Text;

    private static (Kind, string?) Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        var kind = Kind.Exact;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (inClass && c != ']' && c != '\\')
                regex.Append(c); // inside [...] characters keep their regex meaning (^ negates, - spans)
            else if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var start = i;
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    i++; // "**/" counts as "**"
                if (i + 1 == pattern.Length)
                {
                    if (kind == Kind.Exact)
                        kind = Kind.Prefix;
                    else
                    {
                        regex.Append(".*");
                        kind = Kind.Expression;
                    }
                }
                else
                {
                    regex.Append("(.*/)?");
                    kind = Kind.Expression;
                }
                if (start == 0)
                    kind = Kind.Suffix;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
                kind = Kind.Expression;
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
                kind = Kind.Expression;
            }
            else if (c == '\\')
            {
                if (i + 1 < pattern.Length)
                {
                    regex.Append(Regex.Escape(pattern[++i].ToString()));
                    kind = Kind.Expression;
                }
                else
                    regex.Append(@"\\");
            }
            else if (c is '[' or ']')
            {
                inClass = c == '[';
                regex.Append(c);
                kind = Kind.Expression;
            }
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return kind == Kind.Expression ? (kind, regex.Append('$').ToString()) : (kind, null);
    }
}
