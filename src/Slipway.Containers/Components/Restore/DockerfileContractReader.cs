using Slipway.Containers.Dockerfiles;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>Reads the <see cref="DockerfileContract"/> from the Dockerfiles, or from the parameters that name the
/// arguments; a Dockerfile whose FROM takes none of them is one error line naming the file, the line and what to declare.</summary>
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

        var builderBase = Argument(builder, builderTarget, names.BuilderBaseArgument, "--builder-base-arg", "BUILDER_BASE",
            builder.BaseImageArgument(builderTarget), "the builder's base image");
        var runtimeBase = Argument(app, null, names.RuntimeBaseArgument, "--runtime-base-arg", "RUNTIME_IMAGE",
            app.BaseImageArgument(), "the app's runtime base image");
        string? builderImage = null;
        if (!sameFile)
            builderImage = Argument(app, null, names.BuilderImageArgument, "--builder-image-arg", "BUILDER_IMAGE",
                app.BuilderImageArgument(), "the builder image the app copies from");
        return new DockerfileContract(builderPath, builder, builderTarget, builderBase, appPath, app, builderImage, runtimeBase);
    }

    private static string Argument(
        Dockerfile file, string? target, string? named, string option, string suggestion, BaseArgument? found, string what)
    {
        if (named is not null)
        {
            if (!file.GlobalArgs.Any(argument => argument.Name == named))
                throw new SlipwayException($"{file.Source}: {option} {named}, but the file declares no ARG {named} before its first FROM");
            return named;
        }
        if (found is not null)
            return found.Name;
        var stage = file.Stage(target);
        throw new SlipwayException(
            $"{file.Source} line {stage.Line}: FROM {stage.Base} takes {what} from no build argument: declare ARG {suggestion} before the " +
            $"first FROM and write FROM ${{{suggestion}}}, or name the argument that does with {option}");
    }
}
