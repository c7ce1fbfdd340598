using Slipway.Containers.Engine.Session;
using Slipway.Containers.Platforms;
using Slipway.Paths;

namespace Slipway.Containers.Engine;

/// <summary>One image build: a context folder, the Dockerfile in it, and what to pass to the engine.</summary>
public sealed record ImageBuild(AbsolutePath Context, string Dockerfile = "Dockerfile")
{
    /// <summary>The stage to stop at (<c>--target</c>); null builds the last stage.</summary>
    public string? Target { get; init; }

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Names the image gets (<c>repo:tag</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The platform to build for (a foreign one builds under QEMU); null builds for the engine's platform.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Ask the engine to pull newer base images; off, so builds from local base images work offline.</summary>
    public bool Pull { get; init; }

    public bool NoCache { get; init; }

    /// <summary>When set, only these context paths (what the Dockerfile reads) are sent, with the Dockerfile and .dockerignore.</summary>
    public IReadOnlyList<string>? ContextPaths { get; init; }

    /// <summary>Where the build's steps are reported, and under which label (e.g. <c>builder linux/arm64</c>).</summary>
    public Slipway.Output.Progress.IProgressReporter? Progress { get; init; }

    public string? ProgressLabel { get; init; }

    /// <summary>When set, sent in place of the Dockerfile's content (a Dockerfile rewritten in memory).</summary>
    public string? DockerfileText { get; init; }

    /// <summary>Values for <c>RUN --mount=type=secret,id=...</c>, served through the build session (never in the request).</summary>
    public IReadOnlyList<BuildSecret> Secrets { get; init; } = [];

    /// <summary>Registry logins the engine may ask the session for when it pulls a base image.</summary>
    public IReadOnlyList<RegistryLogin> RegistryLogins { get; init; } = [];

    /// <summary>The Dockerfile as a path: relative ones are taken from <see cref="Context"/>.</summary>
    public AbsolutePath DockerfilePath => AbsolutePath.Resolve(Dockerfile, Context);

    public override string ToString() =>
        $"{(Tags.Count > 0 ? string.Join(", ", Tags) : DockerfilePath.Name)}{(Platform is null ? "" : $" for {Platform}")}";
}
