using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>What a run of setup did: the repository root, the layout it detected (null when it only updated an
/// existing build), each file it wrote, updated or kept, and what the first build will refuse in the Dockerfiles
/// (null when nothing).</summary>
internal sealed record SetupResult(
    string Root, DetectedLayout? Layout, IReadOnlyList<SetupStep> Steps, string? PreviousVersion, string? DockerfileProblem = null);
