namespace Slipway.Containers.Tests.Components;

/// <summary>Tests that build on the real engine run one after another: two builds at once only fight over 2 cores.</summary>
[CollectionDefinition("engine")]
public sealed class EngineCollection;
