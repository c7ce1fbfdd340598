namespace Slipway.Ci;

/// <summary>The steps the engine puts in front of every job: the checkout and the cache.</summary>
internal static class WorkflowSteps
{
    public static WorkflowStep Checkout(int fetchDepth) => new("Check out")
    {
        Uses = "actions/checkout@v4",
        With = fetchDepth == 1 ? [] : [("fetch-depth", fetchDepth)],
    };

    /// <summary>Caches the build's temporary folder and NuGet packages per OS and architecture, keyed on the listed files;
    /// the folders a job hands to a later job are left out with <c>!</c> lines (<see cref="WorkflowJob.UncachedPaths"/>).</summary>
    public static WorkflowStep? Cache(GitHubActionsAttribute attribute, IReadOnlyList<string> uncachedPaths)
    {
        var paths = attribute.CachePaths;
        if (attribute.CacheKeyFiles.Length == 0 || paths.Length == 0)
            return null;
        var left = uncachedPaths.Select(path => path.TrimEnd('/'))
            .Where(path => paths.Any(cached => path.StartsWith(cached.TrimEnd('/') + "/", StringComparison.Ordinal))).Select(path => "!" + path);
        var files = string.Join(", ", attribute.CacheKeyFiles.Select(file => "'" + file.Replace("'", "''") + "'"));
        const string prefix = "${{ runner.os }}-${{ runner.arch }}-slipway-";
        return new WorkflowStep("Cache " + string.Join(" and ", paths))
        {
            Uses = "actions/cache@v4",
            With =
            [
                ("path", WorkflowValue.Lines([.. paths, .. left])),
                ("key", $"{prefix}${{{{ hashFiles({files}) }}}}"),
                ("restore-keys", prefix),
            ],
        };
    }
}
