namespace Slipway.Tool.Detection;

/// <summary>What setup found in a repository; paths relative to its root with forward slashes.</summary>
/// <param name="BuilderBaseImage">The base of the builder stage with ARG defaults applied, or null when they do not say.</param>
/// <param name="RuntimeBaseImage">The base of the app's final stage, likewise.</param>
/// <param name="TestStage">The app Dockerfile's stage that runs the unit tests (<c>test</c>), or null.</param>
/// <param name="VenvPath">The virtual environment the builder makes, or null when it does not say.</param>
/// <param name="BuilderTarget">The builder Dockerfile's stage to build when it is not that file's last stage, else null.</param>
internal sealed record DetectedLayout(
    LayoutKind Kind,
    string ImageName,
    string BuilderDockerfile,
    string AppDockerfile,
    string? BuilderTarget,
    IReadOnlyList<string> DependencyManifests,
    string? BuilderBaseImage,
    string? RuntimeBaseImage,
    string? TestStage,
    string? VenvPath);
