using Slipway.Containers.Dockerfiles;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>Reads the <see cref="DockerfileContract"/> from the Dockerfiles, or from the parameters that name the
/// arguments; what cannot be built (two Dockerfiles whose app takes the builder image from no argument, a shared file
/// whose app copies from no stage) is one error line naming the file, the line and what to write.</summary>
internal static class DockerfileContractReader
{
    public sealed record Names(string? BuilderTarget, string? BuilderBaseArgument, string? BuilderImageArgument, string? RuntimeBaseArgument);

    public static DockerfileContract Read(AbsolutePath root, AbsolutePath builderPath, AbsolutePath appPath, Names names)
    {
        var builder = Dockerfile.Read(builderPath, builderPath.RelativeTo(root));
        var sameFile = builderPath == appPath;
        var app = sameFile ? builder : Dockerfile.Read(appPath, appPath.RelativeTo(root));
        var builderTarget = names.BuilderTarget;
        if (sameFile)
        {
            var copied = app.CopiedStage()
                         ?? throw new SlipwayException($"{app.Source} line {app.FinalStage.Line}: builder and app share this Dockerfile, " +
                                                       "but its last stage copies --from no stage: add COPY --from=<builder stage>, or give the builder its own Dockerfile");
            builderTarget ??= copied.Name
                              ?? throw new SlipwayException($"{app.Source} line {copied.Line}: the builder stage has no name: write FROM ... AS builder");
            if (builderTarget == app.FinalStage.Name)
                throw new SlipwayException($"{app.Source}: --builder-target {builderTarget} is the app's own last stage");
        }
        else if (builderTarget is not null)
            builder.Stage(builderTarget); // an unknown stage is one error listing the stages

        var builderBase = Base(builder, builderTarget, names.BuilderBaseArgument, "--builder-base-arg");
        var runtimeBase = Base(app, null, names.RuntimeBaseArgument, "--runtime-base-arg");
        string? builderImage = null;
        if (!sameFile)
            builderImage = BuilderImage(app, names.BuilderImageArgument);
        return new DockerfileContract(builderPath, builder, builderTarget, builderBase, appPath, app, builderImage, runtimeBase);
    }

    private static StageBase Base(Dockerfile file, string? target, string? named, string option)
    {
        RequireDeclared(file, named, option);
        return file.BaseOf(target, named);
    }

    private static string BuilderImage(Dockerfile app, string? named)
    {
        const string option = "--builder-image-arg";
        RequireDeclared(app, named, option);
        if ((named ?? app.BuilderImageArgument()?.Name) is { } name)
            return name;
        var stage = app.FinalStage;
        throw new SlipwayException(
            $"{app.Source} line {stage.Line}: FROM {stage.Base} takes the builder image the app copies from no build argument: declare " +
            "ARG BUILDER_IMAGE before the first FROM, write FROM ${BUILDER_IMAGE} AS builder and COPY --from=builder, or name the argument " +
            $"that does with {option}");
    }

    private static void RequireDeclared(Dockerfile file, string? named, string option)
    {
        if (named is not null && !file.GlobalArgs.Any(argument => argument.Name == named))
            throw new SlipwayException($"{file.Source}: {option} {named}, but the file declares no ARG {named} before its first FROM");
    }
}
