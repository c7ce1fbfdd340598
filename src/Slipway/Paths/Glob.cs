using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Paths;

/// <summary>Root-relative glob patterns with <c>*</c>, <c>?</c> and <c>**</c>, matched against forward-slash paths.</summary>
public sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern.Replace('\\', '/').TrimStart('/');
        _regex = new Regex("^" + Translate(Pattern) + "$", RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));

    /// <summary>The files below <paramref name="root"/> that match, relative and sorted.</summary>
    public IReadOnlyList<string> Files(AbsolutePath root)
    {
        if (!root.DirectoryExists)
            return [];
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(IsMatch)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var followedBySlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
                regex.Append("[^/]*");
            else if (c == '?')
                regex.Append("[^/]");
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return regex.ToString();
    }
}
