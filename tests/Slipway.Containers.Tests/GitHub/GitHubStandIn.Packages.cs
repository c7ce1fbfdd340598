using System.Globalization;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Tests.GitHub;

/// <summary>Container package versions: list (newest first, paged with a <c>Link</c> header) and delete.</summary>
internal sealed partial class GitHubStandIn
{
    private readonly Dictionary<(string Owner, string Name), List<StandInVersion>> _packages = [];

    /// <summary>Adds a version to a package of a registered account (see <see cref="AddOrganization"/>).</summary>
    public void AddVersion(string owner, string package, long id, string digest, DateTimeOffset created, params string[] tags)
    {
        lock (_gate)
        {
            if (!_packages.TryGetValue((owner, package), out var versions))
                _packages[(owner, package)] = versions = [];
            versions.Add(new StandInVersion(id, digest, created, tags));
        }
    }

    public IReadOnlyList<long> VersionIds(string owner, string package)
    {
        lock (_gate)
            return _packages.TryGetValue((owner, package), out var versions) ? versions.Select(v => v.Id).ToArray() : [];
    }

    private List<StandInVersion>? Package(bool organization, string owner, string name) =>
        _accounts.TryGetValue(owner, out var isOrganization) && isOrganization == organization
            && _packages.TryGetValue((owner, name), out var versions)
            ? versions
            : null;

    private Reply ListVersions(bool organization, string owner, string name, Dictionary<string, string> query, string path)
    {
        lock (_gate)
        {
            if (Package(organization, owner, name) is not { } versions)
                return new Reply(404, Error("Package not found."));
            var perPage = Math.Min(100, query.TryGetValue("per_page", out var size) ? int.Parse(size, CultureInfo.InvariantCulture) : PageSize);
            var page = query.TryGetValue("page", out var number) ? int.Parse(number, CultureInfo.InvariantCulture) : 1;
            var lastPage = Math.Max(1, (versions.Count + perPage - 1) / perPage);
            var items = versions.OrderByDescending(v => v.Created).ThenByDescending(v => v.Id)
                .Skip((page - 1) * perPage).Take(perPage)
                .Select(v => (JsonNode?)VersionJson(organization, owner, name, v));
            var headers = new Dictionary<string, string>();
            if (Links(path, query, perPage, page, lastPage) is { Length: > 0 } links)
                headers["Link"] = links;
            return new Reply(200, new JsonArray(items.ToArray()), headers);
        }
    }

    /// <summary>GitHub's pagination header: next and last while there are more pages, first and prev after the first.</summary>
    private string Links(string path, Dictionary<string, string> query, int perPage, int page, int lastPage)
    {
        string Page(int target)
        {
            var parameters = new Dictionary<string, string>(query) { ["per_page"] = perPage.ToString(CultureInfo.InvariantCulture), ["page"] = target.ToString(CultureInfo.InvariantCulture) };
            var text = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
            return $"<{BaseUrl}api/v3/{path}?{text}>";
        }
        var links = new List<string>();
        if (page < lastPage)
            links.AddRange([$"{Page(page + 1)}; rel=\"next\"", $"{Page(lastPage)}; rel=\"last\""]);
        if (page > 1)
            links.AddRange([$"{Page(1)}; rel=\"first\"", $"{Page(page - 1)}; rel=\"prev\""]);
        return string.Join(", ", links);
    }

    private Reply DeleteVersion(bool organization, string owner, string name, long id)
    {
        lock (_gate)
        {
            if (Package(organization, owner, name) is not { } versions)
                return new Reply(404, Error("Package not found."));
            return versions.RemoveAll(v => v.Id == id) == 1 ? new Reply(204, null) : new Reply(404, Error("Not Found"));
        }
    }

    private JsonObject VersionJson(bool organization, string owner, string name, StandInVersion version)
    {
        var scope = organization ? "orgs" : "users";
        var escaped = Uri.EscapeDataString(name);
        return new JsonObject
        {
            ["id"] = version.Id,
            ["name"] = version.Digest,
            ["url"] = $"{BaseUrl}api/v3/{scope}/{owner}/packages/container/{escaped}/versions/{version.Id}",
            ["package_html_url"] = $"https://github.com/{scope}/{owner}/packages/container/package/{escaped}",
            ["created_at"] = Timestamp(version.Created),
            ["updated_at"] = Timestamp(version.Created),
            ["html_url"] = $"https://github.com/{scope}/{owner}/packages/container/{escaped}/{version.Id}",
            ["metadata"] = new JsonObject
            {
                ["package_type"] = "container",
                ["container"] = new JsonObject { ["tags"] = new JsonArray(version.Tags.Select(t => (JsonNode?)t).ToArray()) },
            },
        };
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record StandInVersion(long Id, string Digest, DateTimeOffset Created, string[] Tags);
}
