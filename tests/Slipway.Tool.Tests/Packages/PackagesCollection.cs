namespace Slipway.Tool.Tests.Packages;

/// <summary>The tests that need the packed packages share one <see cref="PackageFeed"/> (packing takes minutes).</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "Packages";
}
