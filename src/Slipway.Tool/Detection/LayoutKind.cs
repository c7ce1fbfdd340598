namespace Slipway.Tool.Detection;

/// <summary>How a repository splits builder and app.</summary>
internal enum LayoutKind
{
    /// <summary>Two Dockerfiles: the builder's (docker/dockerfile.dev, builder.Dockerfile) and the app's, whose FROM takes
    /// the builder image from an ARG (seed 002).</summary>
    BuilderAndAppDockerfiles,

    /// <summary>One multi-stage Dockerfile with a <c>builder</c> stage that a later stage copies from (seeds 000, 001).</summary>
    BuilderStage,
}
