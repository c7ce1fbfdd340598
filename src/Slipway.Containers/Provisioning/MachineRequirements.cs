using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>What a machine must offer: the platforms it builds and tests for, and the official base images (pulled where
/// a registry can be reached; where not, stand-ins are made for them).</summary>
public sealed record MachineRequirements(IReadOnlyList<Platform> Platforms, string BuilderBaseImage, string RuntimeBaseImage);
