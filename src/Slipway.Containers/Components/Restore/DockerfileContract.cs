using Slipway.Containers.Dockerfiles;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>
/// How Slipway drives the two Dockerfiles, read from them by Restore: where each names the builder's base and the
/// app's runtime base (a build argument Slipway passes, or a literal FROM it rewrites in memory), the app's builder
/// reference, which stage is the builder, and whether the builder is a stage of the app's own Dockerfile (then the app
/// is built with that stage replaced by the builder image).
/// </summary>
public sealed record DockerfileContract(
    AbsolutePath BuilderDockerfile,
    Dockerfile Builder,
    string? BuilderTarget,
    StageBase BuilderBase,
    AbsolutePath AppDockerfile,
    Dockerfile App,
    string? BuilderImageArgument,
    StageBase RuntimeBase)
{
    /// <summary>Builder and app are stages of one Dockerfile (seeds 000 and 001): the builder is built as
    /// <see cref="BuilderTarget"/>, the app from the file with that stage replaced.</summary>
    public bool BuilderIsStageOfApp => BuilderImageArgument is null;

    public IReadOnlyDictionary<string, string> BuilderArguments(PlatformInputs platform) => BuilderArguments(platform.BuilderBase.Reference);

    public IReadOnlyDictionary<string, string> BuilderArguments(string builderBase) => Passed(BuilderBase, builderBase);

    public IReadOnlyDictionary<string, string> AppArguments(string builderReference, PlatformInputs platform)
    {
        var arguments = Passed(RuntimeBase, platform.RuntimeBase.Reference);
        if (BuilderImageArgument is { } name)
            arguments[name] = builderReference;
        return arguments;
    }

    /// <summary>The builder stage's trailing instructions that no later stage of the shared Dockerfile sees (seed 001's
    /// <c>COPY . /app</c>): left out of the builder image and of what its dependency hash reads.</summary>
    public BuilderTail UnseenBuilderTail { get; } =
        BuilderImageArgument is null && BuilderTarget is not null ? Builder.UnseenTailOf(BuilderTarget) : BuilderTail.None;

    /// <summary>The builder Dockerfile as far as the builder image goes: its text without <see cref="UnseenBuilderTail"/>
    /// (what the dependency hash reads from the context).</summary>
    public Dockerfile BuilderAsRead => Builder.LeavingOut(UnseenBuilderTail);

    /// <summary>Whether the engine gets the builder Dockerfile as other text than the file's (a literal base rewritten,
    /// an unseen tail left out).</summary>
    public bool BuilderIsRewritten => BuilderBase.IsLiteral || !UnseenBuilderTail.IsEmpty;

    /// <summary>Whether the engine gets the app Dockerfile as other text than the file's.</summary>
    public bool AppIsRewritten => BuilderIsStageOfApp || RuntimeBase.IsLiteral;

    /// <summary>The builder Dockerfile as the engine gets it: <see cref="BuilderAsRead"/>, with a literal base's FROM
    /// naming the platform's resolved base; the file on disk is never changed.</summary>
    public Dockerfile BuilderAsBuilt(PlatformInputs platform)
    {
        var read = BuilderAsRead;
        return BuilderBase.IsLiteral
            ? Dockerfile.Parse(read.ReplacingBase(read.Stages[BuilderBase.Stage.Index], platform.BuilderBase.Reference), Builder.Source)
            : read;
    }

    /// <summary>The app Dockerfile as the engine gets it: its own text, or the text with a literal runtime base naming
    /// the platform's resolved base and (builder as a stage) the builder stage replaced by <paramref name="builderReference"/>;
    /// the file on disk is never changed.</summary>
    public Dockerfile AppAsBuilt(string builderReference, PlatformInputs platform)
    {
        var app = RuntimeBase.IsLiteral ? Dockerfile.Parse(App.ReplacingBase(RuntimeBase.Stage, platform.RuntimeBase.Reference), App.Source) : App;
        return BuilderIsStageOfApp ? Dockerfile.Parse(app.ReplacingStage(BuilderTarget!, builderReference), App.Source) : app;
    }

    private static Dictionary<string, string> Passed(StageBase named, string reference) =>
        named.Argument is { } argument ? new() { [argument.Name] = reference } : new();
}
