using System.Text.Json.Nodes;
using Serilog;
using Slipway.Processes;

namespace Slipway.Containers.Rehearsal;

/// <summary>Between two rehearsals of a pushing workflow: removes the builder images of the rehearsal's image name from
/// the engine and the BuildKit cache records of the builder stage's RUN steps (<c>docker builder prune --filter id=</c>,
/// one record at a time, nothing else on this shared engine), so a second run can only pull the builder or build it
/// from nothing.</summary>
internal static class BuilderCachePruner
{
    public static string Prune(string imageName, string registryRepository, string builderDockerfile, ILogger log)
    {
        var removed = 0;
        foreach (var repository in new[] { imageName + "-builder", registryRepository + "-builder" })
        {
            var tags = Docker("images", "--format", "{{.Repository}}:{{.Tag}}", repository)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];
            foreach (var tag in tags.Where(tag => !tag.EndsWith(":<none>", StringComparison.Ordinal)))
            {
                Docker("rmi", "--force", tag);
                removed++;
            }
        }
        var runs = File.ReadLines(builderDockerfile).Select(line => line.Trim())
            .Where(line => line.StartsWith("RUN ", StringComparison.OrdinalIgnoreCase))
            .Select(line => line[4..].Trim().TrimEnd('\\').Trim()).Where(text => text.Length >= 12).Select(text => text[..Math.Min(40, text.Length)]).ToArray();
        var records = BuildCache();
        var builderRecords = records.Where(record => runs.Any(run => record.Description.Contains("from exec /bin/sh -c " + run, StringComparison.Ordinal))).ToArray();
        foreach (var record in builderRecords)
            Docker("builder", "prune", "--all", "--force", "--filter", "id=" + record.Id);
        var left = (BuildCache()).Count(record => builderRecords.Any(pruned => pruned.Id == record.Id));
        var summary = $"removed {removed} builder image tags of {imageName}; pruned {builderRecords.Length - left} of {builderRecords.Length} BuildKit cache records of the builder's RUN steps";
        log.Information("{Summary}", summary);
        return summary;
    }

    private static IReadOnlyList<(string Id, string Description)> BuildCache()
    {
        var json = Docker("system", "df", "--verbose", "--format", "{{json .BuildCache}}") ?? "[]";
        return (JsonNode.Parse(json)?.AsArray() ?? [])
            .Select(record => (record!["ID"]?.GetValue<string>() ?? "", record["Description"]?.GetValue<string>() ?? ""))
            .Where(record => record.Item1.Length > 0).ToArray();
    }

    private static string? Docker(params string[] arguments) => Tool.Capture(new ToolRun("docker", arguments), TimeSpan.FromMinutes(2));
}
