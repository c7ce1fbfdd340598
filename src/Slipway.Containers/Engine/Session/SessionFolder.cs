using Slipway.Paths;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// A folder the engine may read through the session under a name (<c>context</c>, <c>dockerfile</c>). With
/// <see cref="Ignore"/>, those patterns decide what stays out (the ignore file Slipway picked, a Dockerfile-specific
/// one included, exactly as the tar upload applies it) and the engine's exclude patterns are not used; without, the
/// engine's are. With <see cref="Context"/>, only the paths it selects (<see cref="ImageBuild.ContextPaths"/>: what the
/// Dockerfile reads) are sent, as the tar upload sends only those.
/// </summary>
internal sealed record SessionFolder(string Name, AbsolutePath Root, DockerIgnore? Ignore, BuildContext? Context = null);
