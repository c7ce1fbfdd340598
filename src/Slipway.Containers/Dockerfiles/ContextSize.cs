namespace Slipway.Containers.Dockerfiles;

/// <summary>How big a selection is, for the warning on a context over 100 MB: total bytes and the largest top folders.</summary>
public sealed record ContextSize(long Bytes, IReadOnlyList<KeyValuePair<string, long>> LargestFolders)
{
    public static ContextSize Of(ContextFiles files, int folders = 5)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in files.Entries.Where(entry => entry.Kind == Engine.ContextEntryKind.File))
        {
            var length = new FileInfo(files.Root / entry.Path).Length;
            total += length;
            var slash = entry.Path.IndexOf('/');
            var top = slash < 0 ? "." : entry.Path[..slash];
            sizes[top] = sizes.GetValueOrDefault(top) + length;
        }
        return new ContextSize(total, sizes.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(folders).ToArray());
    }

    public override string ToString() =>
        $"{Bytes / 1e6:0.0} MB, largest: {string.Join(", ", LargestFolders.Select(pair => $"{pair.Key} {pair.Value / 1e6:0.0} MB"))}";
}
