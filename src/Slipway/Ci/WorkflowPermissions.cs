using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>The token's <c>permissions:</c>: <c>contents: read</c> and every scope the attribute lets the workflow write.</summary>
internal static class WorkflowPermissions
{
    public static YamlMappingNode For(GitHubActionsAttribute attribute)
    {
        var scopes = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["contents"] = "read" };
        foreach (var permission in attribute.WritePermissions)
            scopes[KeyOf(permission)] = "write";
        return Yaml.Map(scopes.Select(pair => (pair.Key, (YamlNode?)Yaml.Text(pair.Value))));
    }

    public static string KeyOf(GitHubActionsPermission permission) => permission switch
    {
        GitHubActionsPermission.IdToken => "id-token",
        GitHubActionsPermission.PullRequests => "pull-requests",
        GitHubActionsPermission.SecurityEvents => "security-events",
        _ => permission.ToString().ToLowerInvariant(),
    };
}
