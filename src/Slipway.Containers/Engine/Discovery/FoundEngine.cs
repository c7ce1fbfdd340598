namespace Slipway.Containers.Engine.Discovery;

/// <summary>An engine and how it was found (<c>DOCKER_HOST</c>, <c>context arm-builder</c>, <c>default socket</c>), which the log names.</summary>
public sealed record FoundEngine(EngineEndpoint Endpoint, string FoundBy);
