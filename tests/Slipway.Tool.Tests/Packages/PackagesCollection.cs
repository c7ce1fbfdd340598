using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Packages;

/// <summary>The tests that need the packed packages share one <see cref="PackageFeed"/> (packing takes minutes), and
/// the adopter repositories' compiled build projects (<see cref="CompiledBuilds"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageFeed>, ICollectionFixture<CompiledBuilds>
{
    public const string Name = "Packages";
}
