using Slipway.Containers.Engine;
using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>
/// A service's <c>develop.watch</c> rules, deciding what a batch of changed host paths asks of the running service, as
/// <c>docker compose watch</c> does: every rule whose path holds a changed path applies (not only the first), each with
/// its own <c>ignore</c>/<c>include</c>; the build context's .dockerignore, editors' temporary files and <c>.git</c>
/// trigger nothing. Beyond Compose, a changed path no rule covers still rebuilds when the app image reads it, so the
/// running image never silently lags the sources; and a rebuild makes copies of what the new image holds unnecessary.
/// </summary>
public sealed class DevelopWatchRules
{
    private readonly IReadOnlyList<ResolvedWatchRule> _rules;
    private readonly AbsolutePath _composeFolder;
    private readonly AbsolutePath? _context;
    private readonly DockerIgnore _contextIgnore;
    private readonly string _source;

    /// <param name="rules">The service's rules (<see cref="ComposeService.DevelopWatch"/>).</param>
    /// <param name="composeFolder">The Compose file's folder: rule paths are relative to it.</param>
    /// <param name="context">The app image's build context, whose .dockerignore applies to every rule; null for none.</param>
    /// <param name="source">How messages name the Compose file.</param>
    public DevelopWatchRules(IReadOnlyList<DevelopWatchRule> rules, AbsolutePath composeFolder, BuildContext? context, string source)
    {
        _rules = rules.Select(rule => new ResolvedWatchRule(rule, composeFolder, source)).ToArray();
        _composeFolder = composeFolder;
        _context = context?.Directory;
        _contextIgnore = context?.Ignore ?? DockerIgnore.Empty;
        _source = source;
    }

    /// <summary>The rules of <paramref name="service"/> in the Compose file at <paramref name="composeFile"/>, the
    /// .dockerignore taken from <paramref name="context"/> (Slipway's app build), else from the service's <c>build:</c>.</summary>
    public static DevelopWatchRules Of(ComposeService service, AbsolutePath composeFile, BuildContext? context = null)
    {
        var folder = composeFile.Parent;
        if (context is null && service.Build is { } build && (folder / build.Context) is { DirectoryExists: true } directory
            && (directory / build.DockerfileOrDefault).FileExists)
            context = new BuildContext(directory, directory / build.DockerfileOrDefault);
        return new DevelopWatchRules(service.DevelopWatch, folder, context, composeFile.Name);
    }

    public bool IsEmpty => _rules.Count == 0;

    /// <summary>These rules, when every path they watch lies inside <paramref name="watched"/> (the folder a watch
    /// watches); else one error naming the first rule that does not.</summary>
    public DevelopWatchRules RequireInside(AbsolutePath watched)
    {
        bool Outside(AbsolutePath path) => path.RelativeTo(watched) is var relative
                                           && (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative));
        return _rules.FirstOrDefault(rule => Outside(rule.Path)) is { } outside
            ? throw new SlipwayException($"{_source}:{outside.Rule.Line}: develop.watch path {outside.Rule.Path} is outside {watched}, " +
                                         "the folder Slipway's Watch watches")
            : this;
    }

    /// <summary>The files and folders the rules watch (a watcher watches these beside the app's inputs).</summary>
    public IReadOnlyList<AbsolutePath> Paths => _rules.Select(rule => rule.Path).Distinct().ToArray();

    /// <param name="changed">Host paths that changed (created, modified or deleted).</param>
    /// <param name="isAppInput">Whether the app image reads a host path (absolute): what a rebuild would pick up.</param>
    public DevelopWatchPlan Plan(IEnumerable<AbsolutePath> changed, Func<string, bool> isAppInput)
    {
        var copies = new List<(SyncPath Copy, bool Restarts)>();
        var rebuildFor = new List<AbsolutePath>();
        var ignored = new List<AbsolutePath>();
        var unwatched = new List<AbsolutePath>();
        var restartRule = false;
        foreach (var path in changed.Distinct())
        {
            if (IsNoise(path))
            {
                ignored.Add(path);
                continue;
            }
            var covering = _rules.Select(rule => (Rule: rule, Relative: rule.RelativePathOf(path))).Where(match => match.Relative is not null).ToArray();
            var matching = covering.Where(match => !match.Rule.Ignores(match.Relative!)).ToArray();
            if (covering.Length == 0)
                (isAppInput(path) ? rebuildFor : unwatched).Add(path);
            else if (matching.Length == 0)
                ignored.Add(path);
            foreach (var (rule, relative) in matching)
            {
                if (rule.Rule.Action == DevelopWatchAction.Rebuild && !rebuildFor.Contains(path))
                    rebuildFor.Add(path);
                restartRule |= rule.Rule.Action == DevelopWatchAction.Restart;
                if (rule.Rule.Syncs)
                    copies.AddRange(CopiesOf(rule, path, relative!).Select(copy => (copy, rule.Rule.Restarts)));
            }
        }
        // Last one wins where two rules put something at one container path, as Compose's archive does.
        var kept = copies.GroupBy(copy => copy.Copy.Container).Select(group => group.Last()).ToArray();
        if (rebuildFor.Count > 0)
            kept = WithoutWhatTheImageHolds(kept, isAppInput);
        return new DevelopWatchPlan(
            kept.Select(copy => copy.Copy).ToArray(),
            kept.Any(copy => copy.Restarts) || (restartRule && rebuildFor.Count == 0),
            rebuildFor, ignored, unwatched);
    }

    /// <summary>After a rebuild the new container holds the app's inputs as they are now: only copies of other paths
    /// (and the folders above them) are still needed.</summary>
    private static (SyncPath Copy, bool Restarts)[] WithoutWhatTheImageHolds((SyncPath Copy, bool Restarts)[] copies, Func<string, bool> isAppInput)
    {
        var needed = copies.Where(copy => copy.Copy.Kind != SyncPathKind.Folder && !isAppInput(copy.Copy.Host)).ToArray();
        return copies.Where(copy => copy.Copy.Kind == SyncPathKind.Folder
                ? needed.Any(file => file.Copy.Container.StartsWith(copy.Copy.Container.TrimEnd('/') + "/", StringComparison.Ordinal))
                : needed.Contains(copy))
            .ToArray();
    }

    /// <summary>The path itself and, for a folder, everything in it that the rule does not ignore.</summary>
    private IEnumerable<SyncPath> CopiesOf(ResolvedWatchRule rule, AbsolutePath path, string relative)
    {
        if (!Directory.Exists(path))
        {
            yield return new SyncPath(path, rule.ContainerPathOf(relative), File.Exists(path) || IsLink(path) ? SyncPathKind.File : SyncPathKind.Deleted);
            yield break;
        }
        yield return new SyncPath(path, rule.ContainerPathOf(relative), SyncPathKind.Folder);
        if (IsLink(path))
            yield break;
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            var inner = AbsolutePath.From(entry.FullName);
            var innerRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            var folder = entry is DirectoryInfo && entry.LinkTarget is null;
            if (IsNoise(inner) || (folder ? rule.IgnoresFolder(innerRelative) : rule.Ignores(innerRelative)))
                continue;
            foreach (var copy in folder ? CopiesOf(rule, inner, innerRelative) : [new SyncPath(inner, rule.ContainerPathOf(innerRelative), SyncPathKind.File)])
                yield return copy;
        }
    }

    private static bool IsLink(AbsolutePath path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>What never triggers a rule: <c>.git</c>, editors' temporary and backup files, and what the build
    /// context's .dockerignore keeps out of the image.</summary>
    private bool IsNoise(AbsolutePath path)
    {
        var inside = path.RelativeTo(_composeFolder);
        var segments = (inside.StartsWith("../", StringComparison.Ordinal) ? path.Value : inside).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(segment => segment is ".git" or ".idea"))
            return true;
        var name = segments.LastOrDefault() ?? "";
        if (name.EndsWith('~') || name.StartsWith(".#", StringComparison.Ordinal) || name == "4913"
            || name.EndsWith("___jb_old___", StringComparison.Ordinal) || name.EndsWith("___jb_tmp___", StringComparison.Ordinal)
            || (name.StartsWith('.') && System.IO.Path.GetExtension(name) is ".swp" or ".swx" or ".swo" or ".swn"))
            return true;
        if (_context is null || path == _context)
            return false;
        var relative = path.RelativeTo(_context);
        return !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && _contextIgnore.IsExcluded(relative);
    }
}
