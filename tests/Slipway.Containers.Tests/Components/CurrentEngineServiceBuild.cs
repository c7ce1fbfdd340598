using Slipway.Containers.Components;

namespace Slipway.Containers.Tests.Components;

/// <summary>The sample's build with everything the current engine's test runs: VerifyArch, Push and VerifyImages.</summary>
public sealed class CurrentEngineServiceBuild : SlipwayBuild, IVerifyArch, IPush, IVerifyImages;
