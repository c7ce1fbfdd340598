using System.Formats.Tar;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Verification;

/// <summary>
/// Reads the ELF header of every file in an image's virtual environment (by default <c>/opt/venv</c>) without running
/// the image, and names the files built for another machine than <see cref="Expected"/>: the bytes, not the metadata.
/// </summary>
public sealed class VenvArchitectureCheck(Platform expected)
{
    public const string DefaultVenv = "/opt/venv";

    public Platform Expected { get; } = expected;

    /// <summary>Copies <paramref name="venv"/> out of <paramref name="image"/> through the engine and checks it.</summary>
    public Task<ArchitectureCheckResult> CheckImageAsync(
        ContainerEngine engine, string image, string venv = DefaultVenv, CancellationToken cancellationToken = default)
    {
        // The engine names the archive's entries from the folder's last segment: /opt/venv → venv/...
        var parent = Path.GetDirectoryName(venv.TrimEnd('/'))?.Replace('\\', '/') ?? "/";
        var prefix = parent.EndsWith('/') ? parent : parent + "/";
        return engine.ReadImageFilesAsync(image, venv, (tar, token) => CheckTarAsync(tar, prefix, token), cancellationToken);
    }

    /// <summary>Checks every regular file in <paramref name="tar"/>; reported paths are <paramref name="pathPrefix"/> + entry name.</summary>
    public async Task<ArchitectureCheckResult> CheckTarAsync(Stream tar, string pathPrefix = "", CancellationToken cancellationToken = default)
    {
        var foreign = new List<ForeignBinary>();
        var checkedFiles = 0;
        var buffer = new byte[ElfHeader.Length];
        using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)
                || entry.DataStream is null || entry.Length < ElfHeader.Length)
                continue;
            var read = await entry.DataStream.ReadAtLeastAsync(buffer, ElfHeader.Length, throwOnEndOfStream: false, cancellationToken);
            if (ElfHeader.TryRead(buffer.AsSpan(0, read)) is not { } header)
                continue;
            checkedFiles++;
            if (!header.RunsOn(Expected))
                foreign.Add(new ForeignBinary(pathPrefix + entry.Name, header, Expected));
        }
        return new ArchitectureCheckResult(Expected, checkedFiles, foreign);
    }
}
