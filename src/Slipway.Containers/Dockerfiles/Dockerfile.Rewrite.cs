namespace Slipway.Containers.Dockerfiles;

public sealed partial class Dockerfile
{
    /// <summary>
    /// The Dockerfile's text with stage <paramref name="stageName"/> (its FROM and its body) replaced by
    /// <c>FROM &lt;imageReference&gt; AS &lt;name&gt;</c>: stages built from it or copying <c>--from</c> it then use that image.
    /// The replaced lines become blank lines, so the engine's line numbers still match the file; the file is not touched.
    /// </summary>
    public string ReplacingStage(string stageName, string imageReference)
    {
        var stage = Stages.FirstOrDefault(candidate => candidate.Name is not null && candidate.IsNamedBy(stageName))
            ?? throw new SlipwayException(
                $"{Source} has no stage named '{stageName}' to replace (its stages: {string.Join(", ", Stages.Select(s => s.Label))})");
        if (string.IsNullOrWhiteSpace(imageReference) || imageReference.Any(char.IsWhiteSpace))
            throw new SlipwayException($"'{imageReference}' is not an image reference to build stage {stage.Name} from");
        var lines = Text.Split('\n');
        for (var line = stage.Line; line <= Math.Min(stage.LastLine, lines.Length); line++)
            lines[line - 1] = lines[line - 1].EndsWith('\r') ? "\r" : "";
        var ending = lines[stage.Line - 1];
        lines[stage.Line - 1] = $"FROM {imageReference} AS {stage.Name}{ending}";
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The Dockerfile's text with the FROM of <paramref name="stage"/> naming <paramref name="imageReference"/> instead of
    /// its base; its <c>--platform</c> flag, its name and its body stay. Continuation lines of the FROM become blank lines,
    /// so the engine's line numbers still match the file; the file is not touched.
    /// </summary>
    public string ReplacingBase(DockerfileStage stage, string imageReference)
    {
        if (string.IsNullOrWhiteSpace(imageReference) || imageReference.Any(char.IsWhiteSpace))
            throw new SlipwayException($"'{imageReference}' is not an image reference to build stage {stage.Label} from");
        var lines = Text.Split('\n');
        var last = stage.Line;
        while (last < lines.Length && lines[last - 1].TrimEnd().EndsWith(Escape))
            last++;
        for (var line = stage.Line + 1; line <= last; line++)
            lines[line - 1] = lines[line - 1].EndsWith('\r') ? "\r" : "";
        var ending = lines[stage.Line - 1].EndsWith('\r') ? "\r" : "";
        var platform = stage.Platform is { } flag ? $"--platform={flag} " : "";
        var name = stage.Name is { } named ? $" AS {named}" : "";
        lines[stage.Line - 1] = $"FROM {platform}{imageReference}{name}{ending}";
        return string.Join('\n', lines);
    }
}
