namespace Slipway.Containers.Registry;

/// <summary>Where the referrers of a manifest are listed: the registry's referrers API, or the referrers tag schema.</summary>
public enum ReferrersStore
{
    Api,
    Tag,
}
