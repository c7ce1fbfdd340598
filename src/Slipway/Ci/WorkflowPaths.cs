using Slipway.Planning;

namespace Slipway.Ci;

/// <summary>The <c>paths</c> filter of a workflow: the union of the input paths every target in the plan of its invoked
/// targets declares (so a workflow that builds the app also starts on the builder's inputs), its own file, the
/// attribute's additional paths, then its exclusions as <c>!pattern</c>. Null when nothing declares a path: the
/// workflow cannot know what it reads and runs on every change.</summary>
internal static class WorkflowPaths
{
    public static IReadOnlyList<string>? For(GitHubActionsAttribute attribute, Plan plan, string workflowFile)
    {
        if (!attribute.PathFilters)
            return null;
        var workflow = attribute.Name;
        var includes = new List<string>();
        foreach (var step in plan.Steps)
        {
            var owner = $"target {step.Target.Name}";
            includes.AddRange(Declared(step.Target, workflow).Select(glob => GitHubPathPattern.From(glob, workflow, owner)));
        }
        includes.AddRange(attribute.AdditionalPaths.Select(glob => GitHubPathPattern.From(glob, workflow, "AdditionalPaths")));
        if (includes.Count == 0)
            return null;
        includes.Add(workflowFile);
        var excludes = attribute.ExcludePaths.Select(glob => "!" + GitHubPathPattern.From(glob, workflow, "ExcludePaths"));
        return WithoutCovered(includes.Distinct()).Order(StringComparer.Ordinal).Concat(excludes.Distinct()).ToArray();
    }

    /// <summary>Leaves out patterns inside a folder that a <c>folder/**</c> pattern already covers (<c>app/native/**</c>
    /// beside <c>app/**</c>), so the filter reads as what it means.</summary>
    private static IEnumerable<string> WithoutCovered(IEnumerable<string> patterns)
    {
        var all = patterns.ToArray();
        var folders = all
            .Where(pattern => pattern.EndsWith("/**", StringComparison.Ordinal) && pattern[..^3].IndexOfAny(['*', '?', '[', '\\']) < 0)
            .Select(pattern => pattern[..^2])
            .ToArray();
        return all.Where(pattern => !folders.Any(folder => pattern.StartsWith(folder, StringComparison.Ordinal) && pattern != folder + "**"));
    }

    private static IEnumerable<string> Declared(Targets.ExecutableTarget target, string workflow)
    {
        var globs = new List<string>();
        foreach (var declaration in target.Definition.InputPathDeclarations)
        {
            try
            {
                globs.AddRange(declaration());
            }
            catch (Exception exception) when (exception is not SlipwayException)
            {
                throw new SlipwayException(
                    $"workflow '{workflow}': the input paths of target {target.Name} could not be read: {exception.Message}", exception);
            }
        }
        return globs;
    }
}
