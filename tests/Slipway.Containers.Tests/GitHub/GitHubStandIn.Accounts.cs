using System.Text.Json.Nodes;

namespace Slipway.Containers.Tests.GitHub;

/// <summary>Accounts: organizations and users own packages under different paths, and <c>GET /users/{login}</c>
/// tells which an account is.</summary>
internal sealed partial class GitHubStandIn
{
    private readonly Dictionary<string, bool> _accounts = new(StringComparer.OrdinalIgnoreCase);

    public void AddOrganization(string login) { lock (_gate) _accounts[login] = true; }

    public void AddUser(string login) { lock (_gate) _accounts[login] = false; }

    private Reply Account(string login)
    {
        lock (_gate)
        {
            if (!_accounts.TryGetValue(login, out var organization))
                return new Reply(404, Error("Not Found"));
            return new Reply(200, new JsonObject
            {
                ["login"] = login,
                ["id"] = 1000 + login.Length,
                ["node_id"] = "MDQ6VXNlcjE=",
                ["url"] = $"{BaseUrl}api/v3/users/{login}",
                ["html_url"] = $"https://github.com/{login}",
                ["type"] = organization ? "Organization" : "User",
                ["site_admin"] = false,
            });
        }
    }
}
