namespace Slipway.Containers.Dockerfiles;

public sealed partial class Dockerfile
{
    /// <summary>Where the image <paramref name="target"/> (default: the last stage) is built on is named: through the
    /// global ARG <paramref name="argument"/> when given, else the whole ARG of its FROM, else the FROM itself.</summary>
    public StageBase BaseOf(string? target = null, string? argument = null)
    {
        var stage = ImageStageOf(Stage(target));
        var globals = StageScope.Globals(GlobalArgs, NoBuildArgs, Escape);
        if (argument is not null)
        {
            var declared = GlobalArgs.LastOrDefault(arg => arg.Name == argument)
                ?? throw new SlipwayException($"{Source}: the file declares no ARG {argument} before its first FROM");
            var value = globals.GetValueOrDefault(argument);
            return new StageBase(Source, stage, new BaseArgument(argument, declared.Line, declared.Default, stage.Label, stage.Line, true, Source),
                value, value is null ? [argument] : []);
        }
        var missing = new List<string>();
        var expanded = ShellWords.Expand(stage.Base, Escape, name =>
        {
            var value = globals.GetValueOrDefault(name);
            if (value is null)
                missing.Add(name);
            return value;
        });
        var whole = ArgumentsIn(stage.Base, stage, stage.Line).FirstOrDefault(candidate => candidate.IsWholeReference);
        return new StageBase(Source, stage, whole, missing.Count == 0 && expanded.Length > 0 ? expanded : null, missing.Distinct().ToArray());
    }

    /// <summary>The stage whose FROM names an image that <paramref name="stage"/> is built on: itself, or down a chain of
    /// <c>FROM other-stage</c>.</summary>
    public DockerfileStage ImageStageOf(DockerfileStage stage)
    {
        var seen = new HashSet<int>();
        while (seen.Add(stage.Index) && BaseStageOf(stage) is { } parent)
            stage = parent;
        return stage;
    }
}
