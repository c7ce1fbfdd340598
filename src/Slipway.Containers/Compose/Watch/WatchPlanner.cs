using Slipway.Containers.Engine;
using Slipway.Paths;

namespace Slipway.Containers.Compose.Watch;

/// <summary>Turns a burst of changed paths into a <see cref="WatchPlan"/>: a path the builder reads (its Dockerfile, the
/// dependency inputs) rebuilds the builder and the app, a path only the app reads rebuilds the app, anything else
/// nothing. A context file counts only where .dockerignore lets it into the context; the Dockerfiles and .dockerignore
/// itself always count. The one place a watch decides, so rules of another kind (Compose's develop.watch) can plan too.</summary>
internal sealed class WatchPlanner
{
    private readonly Glob[] _builderInputs;
    private readonly Glob[] _appInputs;
    private readonly string _contextPrefix;
    private readonly DockerIgnore _ignore;
    private readonly HashSet<string> _alwaysSent;

    /// <param name="builderInputs">The builder's inputs as root-relative globs (BuildBuilderImage's input paths).</param>
    /// <param name="appInputs">The app image's inputs as root-relative globs (BuildAppImage's input paths).</param>
    /// <param name="contextPrefix">The build context relative to the root with a trailing slash, or empty for the root.</param>
    /// <param name="ignore">The context's .dockerignore.</param>
    /// <param name="alwaysSent">Root-relative files sent whatever .dockerignore says (the Dockerfiles, .dockerignore).</param>
    public WatchPlanner(IEnumerable<string> builderInputs, IEnumerable<string> appInputs, string contextPrefix, DockerIgnore ignore,
        IEnumerable<string> alwaysSent)
    {
        _builderInputs = builderInputs.Distinct().Select(pattern => new Glob(pattern)).ToArray();
        _appInputs = appInputs.Distinct().Select(pattern => new Glob(pattern)).ToArray();
        _contextPrefix = contextPrefix;
        _ignore = ignore;
        _alwaysSent = alwaysSent.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The planner for a build's Dockerfiles and declared inputs as they are on disk now.</summary>
    public static WatchPlanner For(Components.IRestore build)
    {
        var root = build.RootDirectory;
        var context = build.BuildContext;
        var relative = context.RelativeTo(root);
        var prefix = relative == "." ? "" : relative + "/";
        var ignoreFile = new BuildContext(context, build.AppDockerfile).IgnoreFile.RelativeTo(root);
        var appInputs = Components.AppImages.InputPaths(root, context, build.AppDockerfile, build.AppSources).Append(ignoreFile).ToArray();
        var builderInputs = Components.BuilderImages.InputPaths(root, context, build.BuilderDockerfile, build.AppDockerfile,
            build.BuilderTarget, build.DependencyManifests, build.DependencySources);
        return new WatchPlanner(builderInputs, appInputs, prefix, DockerIgnore.Read(root / ignoreFile),
            [build.AppDockerfile.RelativeTo(root), build.BuilderDockerfile.RelativeTo(root), ignoreFile, prefix + ".dockerignore"]);
    }

    /// <summary>Whether a change to <paramref name="path"/> (root-relative, forward slashes) matters to any plan.</summary>
    public bool Watches(string path) => IsInput(_builderInputs, path) || IsInput(_appInputs, path);

    public WatchPlan Plan(IEnumerable<string> changed)
    {
        var paths = changed.Distinct().Order(StringComparer.Ordinal).ToArray();
        var builder = paths.Where(path => IsInput(_builderInputs, path)).ToArray();
        if (builder.Length > 0)
            return new WatchPlan(WatchAction.RebuildBuilderAndApp, builder);
        var app = paths.Where(path => IsInput(_appInputs, path)).ToArray();
        return app.Length > 0 ? new WatchPlan(WatchAction.RebuildApp, app) : WatchPlan.Nothing;
    }

    private bool IsInput(Glob[] inputs, string path) =>
        inputs.Any(glob => glob.IsMatch(path)) && (_alwaysSent.Contains(path) || IsSent(path));

    private bool IsSent(string path) =>
        path.StartsWith(_contextPrefix, StringComparison.Ordinal) && !_ignore.IsExcluded(path[_contextPrefix.Length..]);
}
