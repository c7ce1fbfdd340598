using Octokit;

namespace Slipway.Containers.GitHub;

/// <summary>The account a GHCR package belongs to (the <c>acme</c> of <c>ghcr.io/acme/voice-builder</c>).</summary>
public sealed record PackageOwner(string Login, PackageOwnerKind Kind)
{
    public static PackageOwner Organization(string login) => new(login, PackageOwnerKind.Organization);

    public static PackageOwner User(string login) => new(login, PackageOwnerKind.User);

    /// <summary>Asks GitHub whether <paramref name="login"/> is an organization or a user.</summary>
    public static async Task<PackageOwner> DetectAsync(IGitHubClient client, string login)
    {
        try
        {
            var account = await client.User.Get(login).ConfigureAwait(false);
            return account.Type == AccountType.Organization ? Organization(login) : User(login);
        }
        catch (Exception exception) when (GitHubRefusal.Explains(exception))
        {
            throw GitHubRefusal.For($"look up the account {login}", exception, client);
        }
    }

    public override string ToString() => Login;
}
