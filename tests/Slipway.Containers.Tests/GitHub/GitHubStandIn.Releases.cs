using System.Text.Json.Nodes;

namespace Slipway.Containers.Tests.GitHub;

/// <summary>Releases of registered repositories: get by tag (404 when there is none), create, update.</summary>
internal sealed partial class GitHubStandIn
{
    private readonly HashSet<(string Owner, string Repo)> _repositories = [];
    private readonly List<JsonObject> _releases = [];
    private long _nextReleaseId = 9000;

    public void AddRepository(string owner, string repo) { lock (_gate) _repositories.Add((owner, repo)); }

    /// <summary>The stored release for a tag, as GitHub would return it, or null.</summary>
    public JsonObject? Release(string owner, string repo, string tag)
    {
        lock (_gate)
            return Find(owner, repo, r => (string?)r["tag_name"] == tag) is { } release ? Public(release) : null;
    }

    public int ReleaseCount { get { lock (_gate) return _releases.Count; } }

    private JsonObject? Find(string owner, string repo, Func<JsonObject, bool> match) =>
        _releases.FirstOrDefault(r => (string?)r["_repository"] == $"{owner}/{repo}" && match(r));

    private Reply ReleaseByTag(string owner, string repo, string tag)
    {
        lock (_gate)
        {
            var release = _repositories.Contains((owner, repo)) ? Find(owner, repo, r => (string?)r["tag_name"] == tag) : null;
            return release is null ? new Reply(404, Error("Not Found")) : new Reply(200, Public(release));
        }
    }

    private Reply CreateRelease(string owner, string repo, JsonNode body)
    {
        lock (_gate)
        {
            if (!_repositories.Contains((owner, repo)))
                return new Reply(404, Error("Not Found"));
            var tag = (string?)body["tag_name"] ?? "";
            if (Find(owner, repo, r => (string?)r["tag_name"] == tag) is not null)
                return new Reply(422, new JsonObject
                {
                    ["message"] = "Validation Failed",
                    ["errors"] = new JsonArray(new JsonObject { ["resource"] = "Release", ["code"] = "already_exists", ["field"] = "tag_name" }),
                    ["documentation_url"] = "https://docs.github.com/rest/releases/releases#create-a-release",
                });
            var id = _nextReleaseId++;
            var now = Timestamp(DateTimeOffset.UtcNow);
            var api = $"{BaseUrl}api/v3/repos/{owner}/{repo}/releases/{id}";
            var release = new JsonObject
            {
                ["_repository"] = $"{owner}/{repo}",
                ["url"] = api,
                ["html_url"] = $"https://github.com/{owner}/{repo}/releases/tag/{tag}",
                ["assets_url"] = $"{api}/assets",
                ["upload_url"] = $"https://uploads.github.com/repos/{owner}/{repo}/releases/{id}/assets{{?name,label}}",
                ["tarball_url"] = $"{BaseUrl}api/v3/repos/{owner}/{repo}/tarball/{tag}",
                ["zipball_url"] = $"{BaseUrl}api/v3/repos/{owner}/{repo}/zipball/{tag}",
                ["id"] = id,
                ["node_id"] = $"RE_{id}",
                ["tag_name"] = tag,
                ["target_commitish"] = (string?)body["target_commitish"] ?? "main",
                ["name"] = (string?)body["name"] ?? tag,
                ["body"] = (string?)body["body"],
                ["draft"] = (bool?)body["draft"] ?? false,
                ["prerelease"] = (bool?)body["prerelease"] ?? false,
                ["created_at"] = now,
                ["published_at"] = now,
                ["author"] = new JsonObject { ["login"] = "slipway-bot", ["id"] = 1, ["type"] = "User", ["site_admin"] = false },
                ["assets"] = new JsonArray(),
            };
            _releases.Add(release);
            return new Reply(201, Public(release));
        }
    }

    private Reply UpdateRelease(string owner, string repo, long id, JsonNode body)
    {
        lock (_gate)
        {
            if (Find(owner, repo, r => (long?)r["id"] == id) is not { } release)
                return new Reply(404, Error("Not Found"));
            foreach (var field in new[] { "tag_name", "target_commitish", "name", "body", "draft", "prerelease" })
                if (body[field] is { } value)
                    release[field] = value.DeepClone();
            return new Reply(200, Public(release));
        }
    }

    /// <summary>The release without the stand-in's bookkeeping field.</summary>
    private static JsonObject Public(JsonObject release)
    {
        var copy = (JsonObject)release.DeepClone();
        copy.Remove("_repository");
        return copy;
    }
}
