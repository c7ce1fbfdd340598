using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>What one batch of changed files asks of the running service, decided by <see cref="DevelopWatchRules"/>.
/// Carried out in Compose's order: the rebuild (and recreate), then the copies, then the restart.</summary>
/// <param name="Copies">Paths to copy into (or delete from) the container, folders before what they hold.</param>
/// <param name="Restart">Whether the container restarts after the copies (a <c>sync+restart</c> or <c>restart</c> rule matched).</param>
/// <param name="RebuildFor">The changed paths that need a new app image: a <c>rebuild</c> rule matched them, or no rule
/// covers them and the app image reads them.</param>
/// <param name="Ignored">Changed paths that trigger nothing on purpose: a rule's <c>ignore</c> (or no <c>include</c>),
/// the build context's .dockerignore, editors' temporary files, <c>.git</c>.</param>
/// <param name="Unwatched">Changed paths no rule covers and the app image does not read.</param>
public sealed record DevelopWatchPlan(
    IReadOnlyList<SyncPath> Copies,
    bool Restart,
    IReadOnlyList<AbsolutePath> RebuildFor,
    IReadOnlyList<AbsolutePath> Ignored,
    IReadOnlyList<AbsolutePath> Unwatched)
{
    public bool Rebuild => RebuildFor.Count > 0;

    /// <summary>Nothing to do for the service.</summary>
    public bool IsEmpty => Copies.Count == 0 && !Restart && !Rebuild;
}
