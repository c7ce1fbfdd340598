using Slipway.Containers.Engine;
using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>A <see cref="DevelopWatchRule"/> with its path made absolute and its patterns compiled.</summary>
internal sealed class ResolvedWatchRule
{
    private readonly DockerIgnore _ignore;
    private readonly DockerIgnore? _include;

    public ResolvedWatchRule(DevelopWatchRule rule, AbsolutePath composeFolder, string source)
    {
        Rule = rule;
        Path = AbsolutePath.Resolve(rule.Path, composeFolder);
        Target = rule.Target is null ? null : "/" + DockerIgnore.CleanPath(rule.Target).TrimStart('/');
        var where = $"{source}:{rule.Line}: develop.watch";
        _ignore = DockerIgnore.Parse(string.Join('\n', rule.Ignore), $"{where} ignore");
        _include = rule.Include.Count == 0 ? null : DockerIgnore.Parse(string.Join('\n', rule.Include), $"{where} include");
    }

    public DevelopWatchRule Rule { get; }

    public AbsolutePath Path { get; }

    /// <summary>The container path <see cref="Path"/> lands at, absolute and clean; null for rules that copy nothing.</summary>
    public string? Target { get; }

    /// <summary>Where <paramref name="changed"/> lies inside this rule's path (<c>""</c> for the path itself), or null when outside.</summary>
    public string? RelativePathOf(AbsolutePath changed)
    {
        if (changed == Path)
            return "";
        var relative = changed.RelativeTo(Path);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>Whether a path inside this rule (relative, non-empty) is left alone: its <c>ignore</c> matches it or a
    /// folder above it, or it has an <c>include</c> that does not.</summary>
    public bool Ignores(string relative) =>
        IgnoresFolder(relative) || (relative.Length > 0 && _include is not null && !_include.IsExcluded(relative));

    /// <summary>Whether a folder inside this rule is left alone with everything in it (only <c>ignore</c> says so:
    /// an <c>include</c> may still match files deeper down).</summary>
    public bool IgnoresFolder(string relative) => relative.Length > 0 && _ignore.IsExcluded(relative);

    public string ContainerPathOf(string relative) => relative.Length == 0 ? Target! : Target!.TrimEnd('/') + "/" + relative;
}
