using System.Formats.Tar;
using System.Security.Cryptography;
using Slipway.Paths;

namespace Slipway.Containers.Engine;

/// <summary>
/// A folder as the engine receives it for a build: a USTAR tar (the engine misreads PAX headers) of every file the
/// .dockerignore lets through, in sorted order, owned by root, with the files' permission bits. The Dockerfile and
/// the ignore file are always sent, as docker does. A Dockerfile-specific ignore file (<c>app.Dockerfile.dockerignore</c>
/// beside <c>app.Dockerfile</c>) takes the place of the context's .dockerignore, as BuildKit's docker CLI does.
/// </summary>
public sealed class BuildContext
{
    private readonly bool _dockerfileInside;

    public BuildContext(AbsolutePath directory, AbsolutePath dockerfile)
    {
        if (!directory.DirectoryExists)
            throw new SlipwayException($"build context {directory} is not a folder");
        if (!dockerfile.FileExists)
            throw new SlipwayException($"Dockerfile {dockerfile} does not exist");
        Directory = directory;
        Dockerfile = dockerfile;
        var relative = dockerfile.RelativeTo(directory);
        _dockerfileInside = !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        // A Dockerfile outside the context travels inside it under a name derived from its content.
        DockerfileName = _dockerfileInside
            ? relative
            : ".dockerfile." + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dockerfile)))[..12];
        var specificIgnore = AbsolutePath.From(dockerfile.Value + ".dockerignore");
        IgnoreFile = specificIgnore.FileExists ? specificIgnore : directory / ".dockerignore";
        Ignore = DockerIgnore.Read(IgnoreFile).Keeping(".dockerignore");
        if (_dockerfileInside)
            Ignore = Ignore.Keeping(DockerfileName);
    }

    public AbsolutePath Directory { get; }

    public AbsolutePath Dockerfile { get; }

    /// <summary>The Dockerfile's path inside the tar: what the build request names as <c>dockerfile</c>.</summary>
    public string DockerfileName { get; }

    /// <summary>The ignore file that applies (it may not exist).</summary>
    public AbsolutePath IgnoreFile { get; }

    public DockerIgnore Ignore { get; }

    /// <summary>The paths the tar holds, in order, relative with forward slashes (folders end with <c>/</c>).</summary>
    public IReadOnlyList<string> Entries() =>
        Walk().Select(entry => entry.Name).Concat(_dockerfileInside ? [] : [DockerfileName]).ToArray();

    /// <summary>SHA-256 of the tar as the engine would receive it, modification times left out: names, modes, link
    /// targets and the exact bytes of every file. Equal digests mean the engine would see the same context.</summary>
    public string Digest()
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
            WriteTo(hashing, DateTimeOffset.UnixEpoch);
        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>Writes the tar to <paramref name="output"/>; <paramref name="modificationTime"/> fixes every entry's mtime.</summary>
    public void WriteTo(Stream output, DateTimeOffset? modificationTime = null)
    {
        using var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true);
        foreach (var (name, info) in Walk())
            Write(tar, name, info, modificationTime);
        if (!_dockerfileInside)
            Write(tar, DockerfileName, new FileInfo(Dockerfile), modificationTime);
    }

    private static void Write(TarWriter tar, string name, FileSystemInfo info, DateTimeOffset? modificationTime)
    {
        var type = info switch
        {
            _ when info.LinkTarget is not null => TarEntryType.SymbolicLink,
            DirectoryInfo => TarEntryType.Directory,
            _ => TarEntryType.RegularFile,
        };
        var entry = new UstarTarEntry(type, name)
        {
            Mode = ModeOf(info, type),
            ModificationTime = modificationTime ?? info.LastWriteTimeUtc,
            Uid = 0,
            Gid = 0,
        };
        if (type == TarEntryType.SymbolicLink)
            entry.LinkName = info.LinkTarget!;
        try
        {
            if (type != TarEntryType.RegularFile)
            {
                tar.WriteEntry(entry);
                return;
            }
            using var content = File.OpenRead(info.FullName);
            entry.DataStream = content;
            tar.WriteEntry(entry);
        }
        catch (ArgumentException exception)
        {
            throw new SlipwayException(
                $"cannot put '{name}' into the build context: a USTAR tar holds paths up to 255 characters split at a '/' " +
                "(at most 155 + 100) and link targets up to 100; shorten it or add it to .dockerignore", exception);
        }
    }

    /// <summary>The permission bits; Windows has none, so everything is 0755 there, as docker sends it.</summary>
    private static UnixFileMode ModeOf(FileSystemInfo info, TarEntryType type)
    {
        if (!OperatingSystem.IsWindows())
            return type == TarEntryType.SymbolicLink ? (UnixFileMode)0b111_111_111 : File.GetUnixFileMode(info.FullName);
        return (UnixFileMode)0b111_101_101;
    }

    private IEnumerable<(string Name, FileSystemInfo Info)> Walk() => Walk(new DirectoryInfo(Directory), "");

    private IEnumerable<(string Name, FileSystemInfo Info)> Walk(DirectoryInfo folder, string prefix)
    {
        foreach (var info in folder.EnumerateFileSystemInfos().OrderBy(info => info.Name, StringComparer.Ordinal))
        {
            var path = prefix + info.Name;
            var isFolder = info is DirectoryInfo && info.LinkTarget is null;
            if (Ignore.IsExcluded(path))
            {
                // An excluded folder is still walked when an exception reopens something inside it; the folder entry itself stays out.
                if (isFolder && Ignore.HasExceptionInside(path))
                    foreach (var inner in Walk((DirectoryInfo)info, path + "/"))
                        yield return inner;
                continue;
            }
            yield return (isFolder ? path + "/" : path, info);
            if (isFolder)
                foreach (var inner in Walk((DirectoryInfo)info, path + "/"))
                    yield return inner;
        }
    }
}
