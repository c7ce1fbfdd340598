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
    private readonly byte[]? _dockerfileContent;
    private readonly HashSet<string>? _only;
    private readonly HashSet<string>? _onlyFolders;

    /// <param name="directory">The context folder.</param>
    /// <param name="dockerfile">The Dockerfile (inside the context or not).</param>
    /// <param name="only">When given, the context holds only these paths (relative, forward slashes, as
    /// <c>ContextFiles.Paths</c> lists them) and the folders above them, plus the Dockerfile and the ignore file:
    /// the files the Dockerfile reads. Null sends everything .dockerignore lets through.</param>
    /// <param name="dockerfileText">When given, sent in place of the Dockerfile's content (a rewritten Dockerfile);
    /// the file on disk is not touched.</param>
    public BuildContext(AbsolutePath directory, AbsolutePath dockerfile, IEnumerable<string>? only = null, string? dockerfileText = null)
    {
        if (!directory.DirectoryExists)
            throw new SlipwayException($"build context {directory} is not a folder");
        if (!dockerfile.FileExists)
            throw new SlipwayException($"Dockerfile {dockerfile} does not exist");
        Directory = directory;
        Dockerfile = dockerfile;
        _dockerfileContent = dockerfileText is null ? null : System.Text.Encoding.UTF8.GetBytes(dockerfileText);
        var relative = dockerfile.RelativeTo(directory);
        _dockerfileInside = !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        // A Dockerfile outside the context travels inside it under a name derived from its content.
        DockerfileName = _dockerfileInside
            ? relative
            : ".dockerfile." + Convert.ToHexStringLower(SHA256.HashData(_dockerfileContent ?? File.ReadAllBytes(dockerfile)))[..12];
        var specificIgnore = AbsolutePath.From(dockerfile.Value + ".dockerignore");
        IgnoreFile = specificIgnore.FileExists ? specificIgnore : directory / ".dockerignore";
        Ignore = DockerIgnore.Read(IgnoreFile).Keeping(".dockerignore");
        if (_dockerfileInside)
            Ignore = Ignore.Keeping(DockerfileName);
        if (only is not null)
        {
            _only = new HashSet<string>(only.Select(path => path.TrimEnd('/')), StringComparer.Ordinal) { ".dockerignore" };
            if (_dockerfileInside)
                _only.Add(DockerfileName);
            _onlyFolders = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in _only)
                for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
                    _onlyFolders.Add(path[..slash]);
        }
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
        Walk().Select(entry => entry.TarName).Concat(_dockerfileInside ? [] : [DockerfileName]).ToArray();

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
        foreach (var entry in Walk())
            Write(tar, entry, modificationTime, entry.Path == DockerfileName ? _dockerfileContent : null);
        if (!_dockerfileInside)
            Write(tar, new ContextEntry(DockerfileName, ContextEntryKind.File), modificationTime, _dockerfileContent ?? File.ReadAllBytes(Dockerfile));
    }

    private void Write(TarWriter tar, ContextEntry entry, DateTimeOffset? modificationTime, byte[]? content)
    {
        var path = content is not null && !_dockerfileInside && entry.Path == DockerfileName ? Dockerfile.Value : Directory / entry.Path;
        var type = entry.Kind switch
        {
            ContextEntryKind.SymbolicLink => TarEntryType.SymbolicLink,
            ContextEntryKind.Folder => TarEntryType.Directory,
            _ => TarEntryType.RegularFile,
        };
        var tarEntry = new UstarTarEntry(type, entry.TarName)
        {
            Mode = ModeOf(path, type),
            ModificationTime = modificationTime ?? (type == TarEntryType.SymbolicLink ? File.GetLastWriteTimeUtc(path) : new FileInfo(path).LastWriteTimeUtc),
            Uid = 0,
            Gid = 0,
        };
        if (type == TarEntryType.SymbolicLink)
            tarEntry.LinkName = entry.LinkTarget!;
        try
        {
            if (type != TarEntryType.RegularFile)
            {
                tar.WriteEntry(tarEntry);
                return;
            }
            using Stream data = content is not null ? new MemoryStream(content, writable: false) : File.OpenRead(path);
            tarEntry.DataStream = data;
            tar.WriteEntry(tarEntry);
        }
        catch (ArgumentException exception)
        {
            throw new SlipwayException(
                $"cannot put '{entry.TarName}' into the build context: a USTAR tar holds paths up to 255 characters split at a '/' " +
                "(at most 155 + 100) and link targets up to 100; shorten it or add it to .dockerignore", exception);
        }
    }

    /// <summary>The permission bits; Windows has none, so everything is 0755 there, as docker sends it.</summary>
    private static UnixFileMode ModeOf(string path, TarEntryType type)
    {
        if (!OperatingSystem.IsWindows())
            return type == TarEntryType.SymbolicLink ? (UnixFileMode)0b111_111_111 : File.GetUnixFileMode(path);
        return (UnixFileMode)0b111_101_101;
    }

    /// <summary>Whether the context holds <paramref name="path"/> (relative, no trailing slash) as far as the selected
    /// paths go (every path without them); .dockerignore is applied apart.</summary>
    internal bool Selects(string path) => _only is null || _only.Contains(path) || _onlyFolders!.Contains(path);

    /// <summary>Whether something the selected paths name may lie inside <paramref name="folder"/>.</summary>
    internal bool MaySelectInside(string folder) => _only is null || _onlyFolders!.Contains(folder);

    /// <summary>The selected paths in order, or null when the whole context is sent: two builds of one folder with
    /// different selections are different contexts to the engine.</summary>
    internal IReadOnlyList<string>? Selection => _only?.Order(StringComparer.Ordinal).ToArray();

    private IEnumerable<ContextEntry> Walk() => _only is null
        ? new ContextWalker(Directory, Ignore).Walk()
        : new ContextWalker(Directory, Ignore) { Descend = MaySelectInside, Include = Selects }.Walk();
}
