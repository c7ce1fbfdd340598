namespace Slipway.Tool.Detection;

/// <summary>The files setup looks at: a few levels below the root, without version control, virtual environments,
/// caches and build outputs; the predicate and the result take paths relative to the root with forward slashes, sorted.</summary>
internal static class RepositoryFiles
{
    private const int MaximumDepth = 3;

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "node_modules", "venv", "build", "__pycache__", "bin", "obj", "dist", "site-packages",
    };

    public static IReadOnlyList<string> Find(string root, Func<string, bool> pathMatches)
    {
        var found = new List<string>();
        Walk(root, "", 0, pathMatches, found);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static void Walk(string directory, string relative, int depth, Func<string, bool> pathMatches, List<string> found)
    {
        var info = new DirectoryInfo(directory);
        foreach (var entry in info.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
                continue;
            var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry is DirectoryInfo && depth + 1 < MaximumDepth && !entry.Name.StartsWith('.') && !SkippedFolders.Contains(entry.Name))
                Walk(entry.FullName, path, depth + 1, pathMatches, found);
            else if (entry is FileInfo && pathMatches(path))
                found.Add(path);
        }
    }
}
