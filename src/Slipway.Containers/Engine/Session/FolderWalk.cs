using Slipway.Containers.Engine.Session.BuildKit;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// The entries of a <see cref="SessionFolder"/> in fsutil's order (each folder's names sorted byte-wise, a folder
/// before what it holds), narrowed by what the engine asked for: its include patterns (a path is kept when it or a
/// parent matches) and the exclude patterns of <see cref="SessionFolder.Ignore"/> or else the engine's (.dockerignore
/// meaning), and by the paths the build's context selects (<see cref="SessionFolder.Context"/>). Owners are sent as
/// root (0:0), as the docker CLI resets them.
/// </summary>
internal sealed class FolderWalk(SessionFolder folder, IReadOnlyList<string> includes, IReadOnlyList<string> excludes)
{
    private readonly DockerIgnore? _includes = includes.Count > 0 ? DockerIgnore.Parse(string.Join('\n', includes), "include-patterns") : null;
    private readonly DockerIgnore _excludes = folder.Ignore ?? DockerIgnore.Parse(string.Join('\n', excludes), "exclude-patterns");
    private readonly string[] _literalIncludes = includes.All(pattern => pattern.IndexOfAny(['*', '?', '[', '\\']) < 0)
        ? includes.Select(pattern => DockerIgnore.CleanPath(pattern).TrimStart('/')).ToArray()
        : [];

    /// <summary>One entry: its stat as sent, and where it is on disk (for the data of a regular file).</summary>
    internal readonly record struct Entry(Stat Stat, string FullPath, bool IsRegularFile);

    /// <summary>The entries, walked as <see cref="ContextWalker"/> walks a tar's context (same skipped folders, same errors).</summary>
    public IEnumerable<Entry> Entries()
    {
        var context = folder.Context;
        var walker = new ContextWalker(folder.Root, _excludes)
        {
            Include = path => Wanted(path) && (context is null || context.Selects(path)),
            Descend = path => MayHoldWanted(path) && (context is null || context.MaySelectInside(path)),
        };
        foreach (var entry in walker.Walk())
        {
            var full = Path.Combine(folder.Root.Value, entry.Path);
            yield return Describe(entry.Kind == ContextEntryKind.Folder ? new DirectoryInfo(full) : new FileInfo(full), entry.Path);
        }
    }

    /// <summary>Kept: everything without include patterns; else what they match, and the folders above a literal one
    /// (or every folder when a pattern has wildcards, as the engine makes the folders above a file anyway).</summary>
    private bool Wanted(string path)
    {
        if (_includes is null || _includes.IsExcluded(path))
            return true;
        if (_literalIncludes.Any(pattern => pattern.StartsWith(path + "/", StringComparison.Ordinal)))
            return true;
        return _literalIncludes.Length == 0 && Directory.Exists(Path.Combine(folder.Root.Value, path));
    }

    private bool MayHoldWanted(string path) =>
        _includes is null || _includes.IsExcluded(path) || _literalIncludes.Length == 0
        || _literalIncludes.Any(pattern => pattern.StartsWith(path + "/", StringComparison.Ordinal));

    private static Entry Describe(FileSystemInfo info, string path)
    {
        var stat = new Stat { Path = path, ModTime = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100 };
        var permissions = OperatingSystem.IsWindows() ? 0b111_101_101u : (uint)File.GetUnixFileMode(info.FullName);
        stat.Mode = (permissions & 0b111_111_111) | SpecialBits(permissions);
        if (info.LinkTarget is { } target)
        {
            stat.Mode = GoFileMode.Symlink | 0b111_111_111;
            stat.Linkname = target;
            stat.Size = target.Length;
            return new Entry(stat, info.FullName, false);
        }
        if (info is DirectoryInfo)
        {
            stat.Mode |= GoFileMode.Directory;
            return new Entry(stat, info.FullName, false);
        }
        stat.Size = ((FileInfo)info).Length;
        return new Entry(stat, info.FullName, true);
    }

    private static uint SpecialBits(uint unixMode) =>
        ((unixMode & 0b100_000_000_000) != 0 ? GoFileMode.SetUid : 0)
        | ((unixMode & 0b010_000_000_000) != 0 ? GoFileMode.SetGid : 0)
        | ((unixMode & 0b001_000_000_000) != 0 ? GoFileMode.Sticky : 0);
}
