namespace Slipway.Tool.Detection;

/// <summary>What setup found in a repository; paths relative to its root with forward slashes.</summary>
/// <param name="BuildContext">The folder both images are built from: the Compose service's context, else the root (<c>.</c>).</param>
/// <param name="DependencyManifests">The manifests in the build context, relative to it.</param>
/// <param name="BuilderBaseImage">The base of the builder stage as the Dockerfile states it (ARG defaults applied), or null
/// when it does not say. Setup does not record it: the Dockerfile is the one place it is written.</param>
/// <param name="RuntimeBaseImage">The base of the app's final stage, likewise.</param>
/// <param name="TestStage">The app Dockerfile's stage that runs the unit tests (<c>test</c>), or null.</param>
/// <param name="VenvPath">The virtual environment the builder makes, or null when it does not say.</param>
/// <param name="BuilderTarget">The builder Dockerfile's stage to build when it is not that file's last stage, else null.</param>
/// <param name="Compose">The Compose service the app was taken from, or null.</param>
/// <param name="Parameters">Values the Compose file sets that the build must be told (<c>Platforms</c>, a base image
/// passed as a build argument), in the order written.</param>
/// <param name="Notes">What setup could not carry over (a Compose build argument with no Slipway parameter), for the report.</param>
internal sealed record DetectedLayout(
    LayoutKind Kind,
    string ImageName,
    string BuildContext,
    string BuilderDockerfile,
    string AppDockerfile,
    string? BuilderTarget,
    IReadOnlyList<string> DependencyManifests,
    string? BuilderBaseImage,
    string? RuntimeBaseImage,
    string? TestStage,
    string? VenvPath,
    ComposeApp? Compose,
    IReadOnlyList<KeyValuePair<string, string[]>> Parameters,
    IReadOnlyList<string> Notes);
