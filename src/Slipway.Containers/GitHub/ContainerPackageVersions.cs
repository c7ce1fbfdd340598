using Octokit;

namespace Slipway.Containers.GitHub;

/// <summary>The versions of one GHCR container package, read and deleted through Octokit's Packages API.
/// Listing follows GitHub's <c>Link</c> pages to the end.</summary>
public sealed class ContainerPackageVersions
{
    private static readonly GitHubRefusal.Hints ListHints = new(
        Forbidden: "the token needs read:packages (a workflow's GITHUB_TOKEN needs packages: read)",
        NotFound: "check the package name and owner, and that the token may read the package");

    private static readonly GitHubRefusal.Hints DeleteHints = new(
        Forbidden: "the token needs delete:packages and admin access to the package (a workflow's GITHUB_TOKEN needs packages: write)",
        NotFound: "the version may be gone already, or the token may not see the package");

    private readonly IGitHubClient _client;
    private readonly ApiOptions _paging;

    /// <param name="pageSize">Versions per page to ask for; null leaves GitHub's default (30).</param>
    public ContainerPackageVersions(IGitHubClient client, PackageOwner owner, string packageName, int? pageSize = null)
    {
        if (string.IsNullOrWhiteSpace(packageName))
            throw new SlipwayException("the container package name is empty");
        _client = client;
        Owner = owner;
        PackageName = packageName;
        _paging = pageSize is { } size ? new ApiOptions { PageSize = size } : ApiOptions.None;
    }

    public PackageOwner Owner { get; }

    public string PackageName { get; }

    /// <summary>GitHub wants a package name with <c>/</c> (<c>voice/builder</c>) escaped as one path segment.</summary>
    private string PathName => Uri.EscapeDataString(PackageName);

    /// <summary>All active versions, every page, in the order GitHub returns them.</summary>
    public async Task<IReadOnlyList<ContainerPackageVersion>> ListAsync()
    {
        try
        {
            var versions = Owner.Kind == PackageOwnerKind.Organization
                ? await _client.Packages.PackageVersions.GetAllForOrg(
                    Owner.Login, PackageType.Container, PathName, PackageVersionState.Active, _paging).ConfigureAwait(false)
                : await _client.Packages.PackageVersions.GetAllForUser(
                    Owner.Login, PackageType.Container, PathName, PackageVersionState.Active, _paging).ConfigureAwait(false);
            return versions.Select(ToVersion).ToArray();
        }
        catch (Exception exception) when (GitHubRefusal.Explains(exception))
        {
            throw GitHubRefusal.For($"list package {this}", exception, _client, ListHints);
        }
    }

    public async Task DeleteAsync(long versionId)
    {
        try
        {
            if (versionId is > 0 and <= int.MaxValue)
                await DeleteThroughPackagesApi((int)versionId).ConfigureAwait(false);
            else
                await DeleteThroughConnection(versionId).ConfigureAwait(false);
        }
        catch (Exception exception) when (GitHubRefusal.Explains(exception))
        {
            throw GitHubRefusal.For($"delete version {versionId} of package {this}", exception, _client, DeleteHints);
        }
    }

    private Task DeleteThroughPackagesApi(int versionId) => Owner.Kind == PackageOwnerKind.Organization
        ? _client.Packages.PackageVersions.DeleteForOrg(Owner.Login, PackageType.Container, PathName, versionId)
        : _client.Packages.PackageVersions.DeleteForUser(Owner.Login, PackageType.Container, PathName, versionId);

    /// <summary>Octokit 14 types version ids as <c>long</c> when reading but <c>int</c> when deleting; ids past
    /// <see cref="int.MaxValue"/> go to the same REST route through the client's connection.</summary>
    private Task DeleteThroughConnection(long versionId)
    {
        var owners = Owner.Kind == PackageOwnerKind.Organization ? "orgs" : "users";
        var route = $"{owners}/{Uri.EscapeDataString(Owner.Login)}/packages/container/{PathName}/versions/{versionId}";
        return _client.Connection.Delete(new Uri(route, UriKind.Relative));
    }

    private static ContainerPackageVersion ToVersion(PackageVersion version) => new(
        version.Id,
        version.Name,
        version.Metadata?.Container?.Tags?.ToArray() ?? [],
        AsUtc(version.CreatedAt),
        AsUtc(version.UpdatedAt));

    private static DateTimeOffset AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Unspecified => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        _ => new DateTimeOffset(time.ToUniversalTime()),
    };

    public override string ToString() => $"{PackageName} of {Owner.Login}";
}
