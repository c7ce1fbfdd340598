using Slipway.Containers.Engine.Session.Wire;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// The entries of a <see cref="SessionFolder"/> in fsutil's order (each folder's names sorted byte-wise, a folder
/// before what it holds), narrowed by what the engine asked for: its include patterns (a path is kept when it or a
/// parent matches) and the exclude patterns of <see cref="SessionFolder.Ignore"/> or else the engine's (.dockerignore meaning). The folders above a
/// kept entry are sent even when they are not matched themselves, as fsutil does. Owners are sent as root (0:0), as
/// the docker CLI resets them.
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

    public IEnumerable<Entry> Entries()
    {
        var pending = new List<Entry>();
        return Walk(new DirectoryInfo(folder.Root), "", pending);
    }

    private IEnumerable<Entry> Walk(DirectoryInfo directory, string prefix, List<Entry> pendingParents)
    {
        foreach (var info in directory.EnumerateFileSystemInfos().OrderBy(info => info.Name, StringComparer.Ordinal))
        {
            var path = prefix + info.Name;
            var isFolder = info is DirectoryInfo && info.LinkTarget is null;
            var excluded = _excludes.IsExcluded(path);
            var included = _includes is null || _includes.IsExcluded(path);
            if (!excluded && included)
            {
                foreach (var parent in pendingParents)
                    yield return parent;
                pendingParents.Clear();
                yield return Describe(info, path);
                if (isFolder)
                    foreach (var inner in Walk((DirectoryInfo)info, path + "/", pendingParents))
                        yield return inner;
                continue;
            }
            if (!isFolder || !MayHoldKeptEntries(path, excluded, included))
                continue;
            // Not sent itself, but something inside may be: send it only when something inside is.
            pendingParents.Add(Describe(info, path));
            var depth = pendingParents.Count;
            foreach (var inner in Walk((DirectoryInfo)info, path + "/", pendingParents))
                yield return inner;
            if (pendingParents.Count >= depth)
                pendingParents.RemoveRange(depth - 1, pendingParents.Count - depth + 1);
        }
    }

    private bool MayHoldKeptEntries(string path, bool excluded, bool included)
    {
        if (excluded && !_excludes.HasExceptionInside(path))
            return false;
        if (included)
            return true;
        return _literalIncludes.Length == 0 || _literalIncludes.Any(pattern => pattern.StartsWith(path + "/", StringComparison.Ordinal));
    }

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
