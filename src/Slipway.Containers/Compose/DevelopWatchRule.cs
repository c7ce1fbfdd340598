namespace Slipway.Containers.Compose;

/// <summary>One entry of a service's <c>develop.watch</c> as written (Compose 2.22+).</summary>
/// <param name="Path">The watched file or folder as written, relative to the Compose file's folder.</param>
/// <param name="Target">Where <see cref="Path"/> lands in the container (sync actions), or null.</param>
/// <param name="Ignore">.dockerignore-style patterns relative to <see cref="Path"/> whose matches trigger nothing.</param>
/// <param name="Include">Patterns relative to <see cref="Path"/>: when there are any, only their matches trigger the rule.</param>
/// <param name="InitialSync">Compose's <c>initial_sync</c>. Slipway's Up always starts the service from a fresh build of
/// the sources, so there is nothing to bring up to date at the start.</param>
/// <param name="Line">The line of the rule in the file, for messages.</param>
public sealed record DevelopWatchRule(
    DevelopWatchAction Action,
    string Path,
    string? Target,
    IReadOnlyList<string> Ignore,
    IReadOnlyList<string> Include,
    bool InitialSync,
    int Line)
{
    /// <summary>Whether the rule copies files into the container.</summary>
    public bool Syncs => Action is DevelopWatchAction.Sync or DevelopWatchAction.SyncRestart;

    /// <summary>Whether the rule restarts the container after its copies.</summary>
    public bool Restarts => Action is DevelopWatchAction.SyncRestart or DevelopWatchAction.Restart;
}
