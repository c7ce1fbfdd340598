namespace Slipway.Containers.Compose;

/// <summary>Paths for a log line: the first few by name, then how many more.</summary>
internal static class NamedPaths
{
    public static string Of(IReadOnlyCollection<string> paths, int named = 3) => paths.Count <= named
        ? string.Join(", ", paths)
        : $"{string.Join(", ", paths.Take(named))} and {paths.Count - named} more";
}
