namespace Slipway.Containers.Tests.Components;

/// <summary>Tests on the current engine (trixie's dockerd 26) run one after another in a collection of their own, beside
/// the "engine" collection on the first engine: two daemons, so the two collections do not wait for each other.</summary>
[CollectionDefinition("current engine")]
public sealed class CurrentEngineCollection : ICollectionFixture<CurrentEngine>;
