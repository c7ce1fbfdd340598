using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// A COPY/ADD/mount source as a matcher over context paths: segments matched as Go's <c>filepath.Match</c> does
/// (<c>*</c>, <c>?</c>, <c>[...]</c>, <c>\</c> escapes, never across <c>/</c>), <c>**</c> for any number of folders.
/// A path is <see cref="Covers(string)">covered</see> when it matches or lies below a match: a folder source copies everything below it.
/// </summary>
internal sealed class ContextPattern
{
    private readonly string[] _segments;
    private readonly Regex?[] _matchers;

    public ContextPattern(string source)
    {
        Source = source;
        _segments = source == "." ? [] : source.Split('/');
        _matchers = _segments.Select(segment => segment == "**" ? null : Compile(segment)).ToArray();
    }

    public string Source { get; }

    /// <summary>Whether <paramref name="path"/> matches the source or lies below a match.</summary>
    public bool Covers(string path) => Covers(path.Split('/'), 0, 0);

    /// <summary>Whether a match could lie inside <paramref name="folder"/> (or the folder is covered): worth walking into.</summary>
    public bool MayReachInside(string folder) => Prefix(folder.Split('/'), 0, 0);

    private bool Covers(string[] path, int p, int s)
    {
        if (s == _segments.Length)
            return true; // everything below a match
        if (p == path.Length)
            return _segments.Skip(s).All(segment => segment == "**");
        if (_matchers[s] is null)
            return Covers(path, p, s + 1) || Covers(path, p + 1, s);
        return _matchers[s]!.IsMatch(path[p]) && Covers(path, p + 1, s + 1);
    }

    private bool Prefix(string[] folder, int p, int s)
    {
        if (s == _segments.Length || p == folder.Length)
            return true;
        if (_matchers[s] is null)
            return true; // ** reaches anywhere below
        return _matchers[s]!.IsMatch(folder[p]) && Prefix(folder, p + 1, s + 1);
    }

    private static Regex Compile(string segment)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '\\' when i + 1 < segment.Length:
                    regex.Append(Regex.Escape(segment[++i].ToString()));
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close < 0)
                        goto default;
                    var set = segment[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('^') || set.StartsWith('!') ? "^" + Regex.Escape(set[1..]).Replace("\\-", "-") : Regex.Escape(set).Replace("\\-", "-")).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}
