namespace Slipway.Containers.Attestations;

/// <summary>
/// Who ran the build, for SLSA's <c>runDetails.builder</c>: on GitHub Actions the workflow run
/// (<c>GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID</c>, the attempt as the invocation id), elsewhere
/// a local Slipway; with Slipway's version either way.
/// </summary>
public sealed record BuilderIdentity(string Id, string SlipwayVersion, string? InvocationId)
{
    public const string LocalId = "https://www.nuget.org/packages/Slipway.Containers#builder-local";

    public static BuilderIdentity FromEnvironment(IReadOnlyDictionary<string, string> environment, string slipwayVersion)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        if (Get("GITHUB_ACTIONS") == "true" && Get("GITHUB_SERVER_URL") is { } server && Get("GITHUB_REPOSITORY") is { } repository
            && Get("GITHUB_RUN_ID") is { } run)
        {
            var url = $"{server.TrimEnd('/')}/{repository}/actions/runs/{run}";
            return new BuilderIdentity(url, slipwayVersion, Get("GITHUB_RUN_ATTEMPT") is { } attempt ? $"{url}/attempts/{attempt}" : url);
        }
        return new BuilderIdentity(LocalId, slipwayVersion, null);
    }
}
