namespace Slipway.Containers.GitHub;

/// <summary>A kept app image and the dependency hash of the builder it was built from (read from its label), so the
/// prune keeps that builder. The hash may be the full hash or its 12-character tag form, with or without <c>deps-</c>.</summary>
public sealed record AppImageReference(string AppImage, string DependencyHash);
