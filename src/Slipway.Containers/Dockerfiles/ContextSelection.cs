using Slipway.Containers.Engine;
using Slipway.Paths;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// From "what the Dockerfile reads" to the context's files: walks only the folders some read can reach, keeps what a read
/// covers, honours .dockerignore and each read's <c>--exclude</c>, and reports every read that matches nothing (a path
/// .dockerignore excludes counts as missing: the engine could not read it either).
/// </summary>
public static class ContextSelection
{
    /// <summary>With the ignore file that <paramref name="context"/> applies (the Dockerfile-specific one where present,
    /// the Dockerfile and .dockerignore always kept).</summary>
    public static ContextFiles Select(BuildContext context, IEnumerable<ContextRead> reads) =>
        Select(context.Directory, context.Ignore, reads);

    public static ContextFiles Select(AbsolutePath root, DockerIgnore ignore, IEnumerable<ContextRead> reads)
    {
        var all = reads.ToArray();
        var patterns = all.Select(read => (Read: read, Pattern: new ContextPattern(read.Source),
            Excludes: read.Excludes.Count == 0 ? null : DockerIgnore.Parse(string.Join('\n', read.Excludes), read.ToString()))).ToArray();
        var matched = new bool[patterns.Length];
        var entries = new List<ContextEntry>();
        var walker = new ContextWalker(root, ignore)
        {
            Descend = folder => patterns.Any(p => p.Pattern.MayReachInside(folder)),
            Include = path =>
            {
                var wanted = false;
                for (var i = 0; i < patterns.Length; i++)
                {
                    var (read, pattern, excludes) = patterns[i];
                    if (!pattern.Covers(path) || (excludes is not null && IsExcluded(excludes, read.Source, path)))
                        continue;
                    matched[i] = true;
                    wanted = true;
                }
                return wanted;
            },
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in walker.Walk())
        {
            // the folders above a covered entry travel with it
            for (var slash = entry.Path.IndexOf('/'); slash > 0; slash = entry.Path.IndexOf('/', slash + 1))
                if (seen.Add(entry.Path[..slash]) && !ignore.IsExcluded(entry.Path[..slash]))
                    entries.Add(new ContextEntry(entry.Path[..slash], ContextEntryKind.Folder));
            if (seen.Add(entry.Path))
                entries.Add(entry);
        }
        var missing = patterns.Where((_, i) => !matched[i]).Select(p => new MissingRead(p.Read, Reason(root, ignore, p.Read.Source))).ToArray();
        return new ContextFiles(root, entries, missing);
    }

    private static bool IsExcluded(DockerIgnore excludes, string source, string path)
    {
        if (excludes.IsExcluded(path))
            return true;
        var folder = source == "." ? "" : source.TrimEnd('/') + "/";
        return folder.Length > 0 && path.StartsWith(folder, StringComparison.Ordinal) && excludes.IsExcluded(path[folder.Length..]);
    }

    private static string Reason(AbsolutePath root, DockerIgnore ignore, string source)
    {
        var literal = string.Join('/', source.Split('/').TakeWhile(segment => segment.IndexOfAny(['*', '?', '[', '\\']) < 0));
        var exists = literal.Length > 0 && (File.Exists(root / literal) || System.IO.Directory.Exists(root / literal));
        if (!exists)
            return literal == source ? "is not in the build context" : "matches no file of the build context";
        if (ignore.IsExcluded(literal))
            return "is excluded by .dockerignore, so the engine cannot read it";
        return literal == source ? "is never sent (Slipway's own state or build output), or is an empty match" : "matches no file that is sent";
    }
}
