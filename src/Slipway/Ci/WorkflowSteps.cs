using Slipway.Paths;

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
    /// a job that hands files under the temporary folder to a later job keeps it out (<see cref="WorkflowJob.CachesTemporaryDirectory"/>).</summary>
    public static WorkflowStep? Cache(GitHubActionsAttribute attribute, bool cachesTemporaryDirectory)
    {
        var paths = attribute.CachePaths.Where(path => cachesTemporaryDirectory || path.TrimEnd('/') != BuildFolders.Temporary).ToArray();
        if (attribute.CacheKeyFiles.Length == 0 || paths.Length == 0)
            return null;
        var files = string.Join(", ", attribute.CacheKeyFiles.Select(file => "'" + file.Replace("'", "''") + "'"));
        const string prefix = "${{ runner.os }}-${{ runner.arch }}-slipway-";
        return new WorkflowStep("Cache " + string.Join(" and ", paths))
        {
            Uses = "actions/cache@v4",
            With =
            [
                ("path", WorkflowValue.Lines(paths)),
                ("key", $"{prefix}${{{{ hashFiles({files}) }}}}"),
                ("restore-keys", prefix),
            ],
        };
    }
}
