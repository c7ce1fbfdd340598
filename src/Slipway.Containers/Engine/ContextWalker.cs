using System.Collections.Frozen;
using Slipway.Paths;

namespace Slipway.Containers.Engine;

/// <summary>
/// Walks a build context the way the engine's client does, and no further: sorted by name, symbolic links reported as
/// links and never followed (a link loop or a link to the engine's data root costs nothing), ignored folders not
/// descended into unless a <c>!exception</c> reaches below them, and folders the caller does not ask for skipped.
/// Slipway's own state (<c>.nuke/temp</c>) and .NET build outputs (<c>build/bin</c>, <c>build/obj</c>, <c>bin</c>/<c>obj</c>
/// beside a <c>*.csproj</c>) are never part of a context. A FIFO, socket or device, or a name that is not valid UTF-8, is
/// one <see cref="SlipwayException"/> naming the path, unless .dockerignore excludes it (then it is left out silently).
/// </summary>
internal sealed class ContextWalker(AbsolutePath root, DockerIgnore ignore)
{
    private static readonly IReadOnlySet<string> NeverSentPaths = new HashSet<string>([".nuke/temp", "build/bin", "build/obj"]).ToFrozenSet();

    /// <summary>Whether to look inside a folder (relative path, no trailing slash); by default everywhere.</summary>
    public Func<string, bool> Descend { get; init; } = _ => true;

    /// <summary>Whether an entry (relative path) is wanted; by default every entry .dockerignore lets through.</summary>
    public Func<string, bool> Include { get; init; } = _ => true;

    public IEnumerable<ContextEntry> Walk() => Walk(new DirectoryInfo(root), "");

    /// <summary>Whether Slipway keeps <paramref name="path"/> out of every context, whatever .dockerignore says.</summary>
    public static bool IsNeverSent(string path, bool besideProject) =>
        NeverSentPaths.Contains(path) || (besideProject && path[(path.LastIndexOf('/') + 1)..] is "bin" or "obj");

    private IEnumerable<ContextEntry> Walk(DirectoryInfo folder, string prefix)
    {
        FileSystemInfo[] infos;
        try
        {
            infos = folder.GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw new SlipwayException($"build context: cannot list folder '{prefix.TrimEnd('/')}': {exception.Message}", exception);
        }
        Array.Sort(infos, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var besideProject = infos.Any(info => info is FileInfo && info.Name.EndsWith(".csproj", StringComparison.Ordinal));
        foreach (var info in infos)
        {
            var path = prefix + info.Name;
            var excluded = ignore.IsExcluded(path);
            if (info.Name.Contains('\uFFFD') && FileKind.Special(info.FullName) == "missing")
            {
                if (excluded)
                    continue;
                throw new SlipwayException(
                    $"build context: the name of '{prefix}{FileKind.EscapedName(folder.FullName, info.Name)}' is not valid UTF-8, " +
                    "so it cannot be sent; rename it or add it to .dockerignore");
            }
            var kind = info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is not null ? ContextEntryKind.SymbolicLink
                : info is DirectoryInfo ? ContextEntryKind.Folder
                : ContextEntryKind.File;
            if (kind == ContextEntryKind.Folder && IsNeverSent(path, besideProject))
                continue;
            if (excluded)
            {
                // An excluded folder is still walked when an exception reopens something inside it; the folder entry itself stays out.
                if (kind == ContextEntryKind.Folder && ignore.HasExceptionInside(path) && Descend(path))
                    foreach (var inner in Walk((DirectoryInfo)info, path + "/"))
                        yield return inner;
                continue;
            }
            if (kind == ContextEntryKind.Folder)
            {
                if (Include(path))
                    yield return new ContextEntry(path, kind);
                if (Descend(path))
                    foreach (var inner in Walk((DirectoryInfo)info, path + "/"))
                        yield return inner;
                continue;
            }
            if (!Include(path))
                continue;
            if (kind == ContextEntryKind.File && FileKind.Special(info.FullName) is { } special and not "missing")
                throw new SlipwayException(
                    $"build context: '{path}' is {special}, which a build context cannot hold; remove it or add it to .dockerignore");
            yield return new ContextEntry(path, kind, kind == ContextEntryKind.SymbolicLink ? info.LinkTarget : null);
        }
    }
}
