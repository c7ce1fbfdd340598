using System.Diagnostics;
using System.Threading.Channels;
using Slipway.Paths;

namespace Slipway.Containers.Compose.Watch;

/// <summary>Changes to files below a root, in bursts: an editor's save is often several events (a temporary file, a
/// rename, a write of the attributes), so a burst ends only when nothing has changed for a quiet moment. Paths are
/// root-relative with forward slashes; .git and .nuke are never reported, nor a path <c>watches</c> turns down.</summary>
internal sealed class FileChanges : IDisposable
{
    private readonly AbsolutePath _root;
    private readonly Func<string, bool> _watches;
    private readonly FileSystemWatcher _watcher;
    private readonly Channel<(string Path, long Seen)> _events = Channel.CreateUnbounded<(string, long)>();

    public FileChanges(AbsolutePath root, Func<string, bool> watches)
    {
        _root = root;
        _watches = watches;
        _watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, change) => Seen(change.FullPath);
        _watcher.Created += (_, change) => Seen(change.FullPath);
        _watcher.Deleted += (_, change) => Seen(change.FullPath);
        _watcher.Renamed += (_, change) =>
        {
            Seen(change.OldFullPath);
            Seen(change.FullPath);
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>A burst: the paths that changed and when the first change was seen (a <see cref="Stopwatch"/> timestamp).</summary>
    public sealed record Burst(IReadOnlySet<string> Paths, long FirstSeen);

    /// <summary>The next burst: waits for a change, then until none has come for <paramref name="quiet"/>.</summary>
    public async Task<Burst> NextAsync(TimeSpan quiet, CancellationToken cancellation)
    {
        var first = await _events.Reader.ReadAsync(cancellation);
        var paths = new HashSet<string>(StringComparer.Ordinal) { first.Path };
        while (true)
        {
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            pause.CancelAfter(quiet);
            try
            {
                paths.Add((await _events.Reader.ReadAsync(pause.Token)).Path);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return new Burst(paths, first.Seen);
            }
        }
    }

    private void Seen(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
        if (relative is ".git" or ".nuke" || relative.StartsWith(".git/", StringComparison.Ordinal) || relative.StartsWith(".nuke/", StringComparison.Ordinal))
            return;
        if (_watches(relative))
            _events.Writer.TryWrite((relative, Stopwatch.GetTimestamp()));
    }

    public void Dispose() => _watcher.Dispose();
}
