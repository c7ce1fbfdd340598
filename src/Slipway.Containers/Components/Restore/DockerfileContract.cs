using Slipway.Containers.Dockerfiles;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>
/// How Slipway drives the two Dockerfiles, read from them by Restore: which build argument carries the builder's
/// base, the app's builder reference and the app's runtime base, which stage is the builder, and whether the builder
/// is a stage of the app's own Dockerfile (then the app is built with that stage replaced by the builder image).
/// </summary>
public sealed record DockerfileContract(
    AbsolutePath BuilderDockerfile,
    Dockerfile Builder,
    string? BuilderTarget,
    string BuilderBaseArgument,
    AbsolutePath AppDockerfile,
    Dockerfile App,
    string? BuilderImageArgument,
    string RuntimeBaseArgument)
{
    /// <summary>Builder and app are stages of one Dockerfile (seeds 000 and 001): the builder is built as
    /// <see cref="BuilderTarget"/>, the app from the file with that stage replaced.</summary>
    public bool BuilderIsStageOfApp => BuilderImageArgument is null;

    public IReadOnlyDictionary<string, string> BuilderArguments(PlatformInputs platform) =>
        new Dictionary<string, string> { [BuilderBaseArgument] = platform.BuilderBase.Reference };

    public IReadOnlyDictionary<string, string> AppArguments(string builderReference, PlatformInputs platform)
    {
        var arguments = new Dictionary<string, string> { [RuntimeBaseArgument] = platform.RuntimeBase.Reference };
        if (BuilderImageArgument is { } name)
            arguments[name] = builderReference;
        return arguments;
    }

    /// <summary>The app Dockerfile as the engine gets it: its own text, or (builder as a stage) the text with the builder
    /// stage replaced by <paramref name="builderReference"/>; the file on disk is never changed.</summary>
    public Dockerfile AppAsBuilt(string builderReference) =>
        BuilderIsStageOfApp ? Dockerfile.Parse(App.ReplacingStage(BuilderTarget!, builderReference), App.Source) : App;
}
