using Slipway.Containers.Components;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>A user's build that pushes and verifies the sample's images (VerifyArch is left out: MultiPlatformTests covers
/// it, and its arm64 probe under QEMU would only make this test slower).</summary>
public sealed class AttestedServiceBuild : SlipwayBuild, IPush, IVerifyImages;
