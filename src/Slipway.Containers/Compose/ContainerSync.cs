using System.Formats.Tar;
using Docker.DotNet.Models;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Compose;

/// <summary>
/// Carries out a <see cref="DevelopWatchPlan"/>'s copies in a running container through the engine API, as
/// <c>docker compose watch</c> does: paths gone from the host are removed in the container (<c>rm -rf</c>, run as root),
/// then every file and folder goes in one tar upload, with the host's permission bits, owned by root as a Dockerfile's
/// <c>COPY</c> leaves them. Needs no tar in the image, only <c>rm</c> when something was deleted.
/// </summary>
public sealed class ContainerSync(ContainerEngine engine)
{
    /// <summary>Docker's own default for <c>docker restart</c> and Compose's for a service without <c>stop_grace_period</c>.</summary>
    public static readonly TimeSpan DefaultStopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The copies, then a restart when the plan asks for one. The rebuild is the caller's (Slipway's build).</summary>
    /// <param name="stopTimeout">How long the restart waits before SIGKILL; null: the container's own (see <see cref="RestartAsync"/>).</param>
    public async Task ApplyAsync(string container, DevelopWatchPlan plan, TimeSpan? stopTimeout = null, CancellationToken cancellation = default)
    {
        await CopyAsync(container, plan.Copies, cancellation);
        if (plan.Restart)
            await RestartAsync(container, stopTimeout, cancellation);
    }

    /// <summary>Brings <paramref name="paths"/> into <paramref name="container"/>: deletions first, then one upload.
    /// A folder's entry is the folder itself; what it holds comes as entries of their own (as the plan lists them).</summary>
    public async Task CopyAsync(string container, IReadOnlyList<SyncPath> paths, CancellationToken cancellation = default)
    {
        var deleted = paths.Where(path => path.Kind == SyncPathKind.Deleted).Select(path => path.Container).ToArray();
        if (deleted.Length > 0)
            await RemoveAsync(container, deleted, cancellation);
        var copied = paths.Where(path => path.Kind != SyncPathKind.Deleted).ToArray();
        if (copied.Length == 0)
            return;
        using var archive = Archive(copied);
        await engine.CallAsync($"copying {copied.Length} paths into container {Short(container)}",
            token => engine.Client.Containers.ExtractArchiveToContainerAsync(container, new CopyToContainerParameters { Path = "/" }, archive, token),
            cancellation, ContainerEngine.WorkTimeout);
    }

    /// <summary>Restarts the container: its main process gets SIGTERM (its own stop signal), and SIGKILL after
    /// <paramref name="stopTimeout"/>; null waits as <c>docker restart</c> and Compose's restart do: the container's own
    /// stop timeout (Compose sets it from <c>stop_grace_period</c>), else <see cref="DefaultStopTimeout"/>. Returns when
    /// the container started again as the engine writes it (RFC 3339, as <c>docker logs --since</c> takes it), or null.</summary>
    public async Task<string?> RestartAsync(string container, TimeSpan? stopTimeout, CancellationToken cancellation = default)
    {
        var what = $"restarting container {Short(container)}";
        var wait = stopTimeout ?? (await InspectAsync(container, what, cancellation)).Config?.StopTimeout ?? DefaultStopTimeout;
        await engine.RestartContainerAsync(container, wait, what, cancellation);
        return (await InspectAsync(container, what, cancellation)).State?.StartedAt;
    }

    private Task<ContainerInspectResponse> InspectAsync(string container, string what, CancellationToken cancellation) =>
        engine.CallAsync(what, token => engine.Client.Containers.InspectContainerAsync(container, token), cancellation, ContainerEngine.WorkTimeout);

    private async Task RemoveAsync(string container, IReadOnlyList<string> containerPaths, CancellationToken cancellation)
    {
        var what = $"removing {containerPaths.Count} deleted paths in container {Short(container)}";
        var exitCode = await engine.ExecAsync(container, ["rm", "-rf", "--", .. containerPaths], "0", what, cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"{what} failed: rm exited {exitCode}");
    }

    /// <summary>A USTAR tar (the engine misreads PAX headers) naming each path by its place in the container.</summary>
    private static MemoryStream Archive(IReadOnlyList<SyncPath> paths)
    {
        var archive = new MemoryStream();
        using (var tar = new TarWriter(archive, TarEntryFormat.Ustar, leaveOpen: true))
            foreach (var path in paths)
                Write(tar, path);
        archive.Position = 0;
        return archive;
    }

    private static void Write(TarWriter tar, SyncPath path)
    {
        var info = new FileInfo(path.Host);
        var link = info.LinkTarget;
        var type = link is not null ? TarEntryType.SymbolicLink : path.Kind == SyncPathKind.Folder ? TarEntryType.Directory : TarEntryType.RegularFile;
        var name = path.Container.TrimStart('/') + (type == TarEntryType.Directory ? "/" : "");
        try
        {
            var entry = new UstarTarEntry(type, name) { Uid = 0, Gid = 0, ModificationTime = File.GetLastWriteTimeUtc(path.Host) };
            if (type == TarEntryType.SymbolicLink)
            {
                entry.LinkName = link!;
                tar.WriteEntry(entry);
                return;
            }
            entry.Mode = OperatingSystem.IsWindows() ? (UnixFileMode)0b111_101_101 : File.GetUnixFileMode(path.Host);
            if (type == TarEntryType.RegularFile)
                entry.DataStream = new MemoryStream(File.ReadAllBytes(path.Host));
            tar.WriteEntry(entry);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted since the plan was made: the watcher reports the deletion next.
        }
        catch (ArgumentException exception)
        {
            throw new SlipwayException($"cannot copy {path.Host} to {path.Container}: a USTAR tar holds paths up to 255 characters " +
                                       "split at a '/' (at most 155 + 100) and link targets up to 100", exception);
        }
    }

    private static string Short(string container) => container.Length > 12 ? container[..12] : container;
}
