namespace Slipway.Containers.Compose;

/// <summary>A service's <c>build:</c> section (Compose Specification, build.md): the short form <c>build: ./dir</c> is a
/// context alone.</summary>
/// <param name="Context">The build context as written, relative to the Compose file's folder (default <c>.</c>).</param>
/// <param name="Dockerfile">The Dockerfile as written, relative to the context, or null (Compose's default: <c>Dockerfile</c>).</param>
/// <param name="Target">The stage to build, or null for the last one.</param>
/// <param name="Args">Build arguments in the order written; a value is null where only the name is given (taken from the environment).</param>
/// <param name="Platforms">The platforms the build targets, in the order written.</param>
public sealed record ComposeBuild(
    string Context,
    string? Dockerfile,
    string? Target,
    IReadOnlyList<KeyValuePair<string, string?>> Args,
    IReadOnlyList<string> Platforms)
{
    /// <summary>The Dockerfile Compose builds: the one named, else <c>Dockerfile</c> in the context.</summary>
    public string DockerfileOrDefault => Dockerfile ?? "Dockerfile";
}
