using Slipway.Containers.Platforms;

namespace Slipway.Containers.Attestations;

/// <summary>
/// What a provenance statement records of one platform image's build. External parameters: the Dockerfiles by role
/// (<c>builder</c>, <c>app</c> → path relative to the root), the targets run, the platforms and the build arguments.
/// Resolved dependencies: the git commit, the base images and builder image with their digests, every input of the
/// dependency hash with its sha256. Run details: the builder and when the build started and finished.
/// </summary>
public sealed record ProvenanceInputs(
    IReadOnlyDictionary<string, string> Dockerfiles,
    IReadOnlyList<string> Targets,
    IReadOnlyList<Platform> Platforms,
    IReadOnlyDictionary<string, string> BuildArguments,
    ResolvedDependency? Source,
    IReadOnlyList<ResolvedDependency> BaseImages,
    ResolvedDependency? BuilderImage,
    IReadOnlyList<ResolvedDependency> DependencyInputs,
    BuilderIdentity Builder,
    DateTimeOffset StartedOn,
    DateTimeOffset FinishedOn);
