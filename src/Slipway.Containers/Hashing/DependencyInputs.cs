using Slipway.Paths;

namespace Slipway.Containers.Hashing;

/// <summary>The declared inputs of the builder image: its Dockerfile, the dependency manifests (globs, relative to the
/// build context) that must match at least one file, the optional ones, and its build arguments.</summary>
public sealed record DependencyInputs(
    AbsolutePath BuilderDockerfile,
    IReadOnlyList<string> RequiredManifests,
    IReadOnlyList<string> OptionalManifests,
    IReadOnlyDictionary<string, string> BuildArguments);
