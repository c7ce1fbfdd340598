using System.Text.RegularExpressions;
using Slipway.Paths;

namespace Slipway.Containers.Engine;

/// <summary>
/// The patterns of a .dockerignore with Docker's meaning: comment lines start with <c>#</c>, a leading <c>/</c> is dropped,
/// <c>!pattern</c> brings back what earlier lines excluded, the last matching line wins, and a pattern that matches a
/// folder excludes everything below it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly DockerIgnorePattern[] _patterns;

    private DockerIgnore(DockerIgnorePattern[] patterns) => _patterns = patterns;

    public static DockerIgnore Empty { get; } = new([]);

    /// <summary>The patterns in the order they apply, exceptions with their <c>!</c>.</summary>
    public IReadOnlyList<string> Patterns => _patterns.Select(pattern => pattern.ToString()).ToArray();

    public bool HasExceptions => _patterns.Any(pattern => pattern.IsException);

    public static DockerIgnore Parse(string text, string source = ".dockerignore")
    {
        var patterns = new List<DockerIgnorePattern>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (line.StartsWith('#'))
                continue;
            var pattern = line.Trim();
            var isException = pattern.StartsWith('!');
            if (isException)
                pattern = pattern[1..].Trim();
            if (pattern.Length == 0)
            {
                if (isException)
                    throw new SlipwayException($"{source} line {number}: '!' needs a pattern after it");
                continue;
            }
            pattern = CleanPath(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
                pattern = pattern[1..];
            try
            {
                patterns.Add(new DockerIgnorePattern(pattern, isException));
            }
            catch (RegexParseException exception)
            {
                throw new SlipwayException($"{source} line {number}: invalid pattern '{line.Trim()}': {exception.Error}", exception);
            }
        }
        return new DockerIgnore(patterns.ToArray());
    }

    /// <summary>The patterns in <paramref name="file"/>, or <see cref="Empty"/> when there is no such file.</summary>
    public static DockerIgnore Read(AbsolutePath file) =>
        file.FileExists ? Parse(File.ReadAllText(file), file.Value) : Empty;

    /// <summary>Whether <paramref name="relativePath"/> (forward slashes, relative to the context) stays out of the context.</summary>
    public bool IsExcluded(string relativePath)
    {
        var path = CleanPath(relativePath);
        var slash = path.LastIndexOf('/');
        var parents = slash < 0 ? [] : path[..slash].Split('/');
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.IsException != excluded)
                continue;
            var matches = pattern.Matches(path);
            for (var depth = 1; !matches && depth <= parents.Length; depth++)
                matches = pattern.Matches(string.Join('/', parents, 0, depth));
            if (matches)
                excluded = !pattern.IsException;
        }
        return excluded;
    }

    /// <summary>
    /// Whether an excluded folder must still be walked because an exception names something inside it
    /// (Docker decides by the exception's literal text: <c>!docs/keep.md</c> reopens <c>docs/</c>, <c>!**/keep.md</c> does not).
    /// </summary>
    public bool HasExceptionInside(string relativeDirectory)
    {
        var prefix = CleanPath(relativeDirectory) + "/";
        return _patterns.Any(pattern => pattern.IsException && (pattern.Text + "/").StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>These patterns plus an exception for <paramref name="relativePath"/> when they would exclude it.</summary>
    public DockerIgnore Keeping(string relativePath) =>
        IsExcluded(relativePath) ? new DockerIgnore([.. _patterns, new DockerIgnorePattern(CleanPath(relativePath), isException: true)]) : this;

    /// <summary>Lexical clean of a slash path, as Go's path.Clean: no empty, <c>.</c> or resolvable <c>..</c> segments.</summary>
    internal static string CleanPath(string path)
    {
        var rooted = path.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
                segments.RemoveAt(segments.Count - 1);
            else if (segment != ".." || !rooted)
                segments.Add(segment);
        }
        var cleaned = string.Join('/', segments);
        return rooted ? "/" + cleaned : cleaned.Length == 0 ? "." : cleaned;
    }
}
