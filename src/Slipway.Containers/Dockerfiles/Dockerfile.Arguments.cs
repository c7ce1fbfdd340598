using System.Text.RegularExpressions;

namespace Slipway.Containers.Dockerfiles;

public sealed partial class Dockerfile
{
    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))$")]
    private static partial Regex WholeVariable();

    /// <summary>Every global ARG used by every FROM: which ARG feeds which stage's base.</summary>
    public IReadOnlyList<BaseArgument> BaseArguments() =>
        Stages.SelectMany(stage => ArgumentsIn(stage.Base, stage, stage.Line)).ToArray();

    /// <summary>The global ARGs the base image of <paramref name="stage"/> is made of; a stage built FROM another stage
    /// answers with that stage's, down to the FROM that names an image.</summary>
    public IReadOnlyList<BaseArgument> BaseArgumentsOf(DockerfileStage stage)
    {
        stage = ImageStageOf(stage);
        return ArgumentsIn(stage.Base, stage, stage.Line).ToArray();
    }

    /// <summary>The ARG that is the whole base of <paramref name="target"/> (default: the last stage): where Slipway passes
    /// the runtime base of an app, or the base of a builder. Null when its FROM takes no such ARG.</summary>
    public BaseArgument? BaseImageArgument(string? target = null) =>
        BaseArgumentsOf(Stage(target)).FirstOrDefault(argument => argument.IsWholeReference);

    /// <summary>The stage <paramref name="target"/> (default: the last) copies or mounts <c>--from</c> first, if any:
    /// in a builder/app split this is the builder.</summary>
    public DockerfileStage? CopiedStage(string? target = null)
    {
        var stage = Stage(target);
        var defaults = StageScope.Globals(GlobalArgs, NoBuildArgs, Escape);
        foreach (var from in FromValues(stage))
            if (StageNamed(ShellWords.Expand(from, Escape, name => defaults.GetValueOrDefault(name)), int.MaxValue, stage.Index) is { } copied)
                return copied;
        return null;
    }

    /// <summary>
    /// The ARG through which <paramref name="target"/> (default: the last stage) gets the builder image: the ARG of the FROM
    /// of the stage it copies <c>--from</c> (<c>FROM ${BUILDER_IMAGE} AS builder</c> ... <c>COPY --from=builder</c>), or the
    /// ARG in the <c>--from</c> itself (<c>COPY --from=${BUILDER_IMAGE}</c>). Null when neither takes an ARG.
    /// </summary>
    public BaseArgument? BuilderImageArgument(string? target = null)
    {
        var stage = Stage(target);
        if (CopiedStage(target) is { } copied)
            return BaseArgumentsOf(copied).FirstOrDefault(argument => argument.IsWholeReference);
        var line = stage.Instructions.FirstOrDefault(instruction => FromValues(instruction).Any())?.Line ?? stage.Line;
        return FromValues(stage).SelectMany(from => ArgumentsIn(from, stage, line, stageArgs: true))
            .FirstOrDefault(argument => argument.IsWholeReference);
    }

    private DockerfileStage? BaseStageOf(DockerfileStage stage)
    {
        var defaults = StageScope.Globals(GlobalArgs, NoBuildArgs, Escape);
        return StageNamed(ShellWords.Expand(stage.Base, Escape, name => defaults.GetValueOrDefault(name)), before: stage.Index);
    }

    private IEnumerable<BaseArgument> ArgumentsIn(string text, DockerfileStage stage, int line, bool stageArgs = false)
    {
        var whole = WholeVariable().Match(text);
        var wholeName = whole.Success ? (whole.Groups[1].Success ? whole.Groups[1].Value : whole.Groups[2].Value) : null;
        foreach (var name in VariableReference().Matches(text).Select(match => match.Groups[1].Value).Distinct())
        {
            var declared = GlobalArgs.LastOrDefault(arg => arg.Name == name)
                ?? (stageArgs ? stage.Instructions.Where(i => i.Keyword == "ARG").SelectMany(i => ParseArgs(i, Escape)).LastOrDefault(arg => arg.Name == name) : null);
            if (declared is not null)
                yield return new BaseArgument(name, declared.Line, declared.Default, stage.Label, line, name == wholeName, Source);
        }
    }

    /// <summary>The <c>--from</c> values of <paramref name="stage"/>'s COPY/ADD and RUN mounts, as written (stages or images).</summary>
    public static IReadOnlyList<string> CopiedFrom(DockerfileStage stage) => FromValues(stage).ToArray();

    private static IEnumerable<string> FromValues(DockerfileStage stage) => stage.Instructions.SelectMany(FromValues);

    private static IEnumerable<string> FromValues(DockerfileInstruction instruction)
    {
        var flags = InstructionFlags.Split(instruction.Arguments);
        if (instruction.Keyword is "COPY" or "ADD" && flags.Value("from") is { } from)
            yield return from;
        if (instruction.Keyword == "RUN")
            foreach (var mount in flags.Values("mount"))
                foreach (var option in mount.Split(','))
                    if (option.StartsWith("from=", StringComparison.OrdinalIgnoreCase))
                        yield return option[5..];
    }
}
