namespace Slipway.Containers.GitHub;

/// <summary>Whether a package belongs to an organization or a user: GitHub serves their packages under different paths.</summary>
public enum PackageOwnerKind
{
    Organization,
    User,
}
