using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>Earlier versions of setup copied the Dockerfiles' base images into .nuke/parameters.json
/// (<c>BuilderBaseImage</c>, <c>RuntimeBaseImage</c>), where they silently won over a later edit of the Dockerfile.
/// Setup run again removes such a key where its value is still what the Dockerfile states (so it is the copy setup
/// wrote, not a choice of the user's), and leaves every other key as it is.</summary>
internal static class StatedBaseCopies
{
    /// <summary>The parameters text without the copies and the keys it removed (none: the text unchanged).</summary>
    public static (string Text, IReadOnlyList<string> Removed) Remove(string root, string parametersText, IDockerfileReader reader)
    {
        if (JsonNode.Parse(parametersText) is not JsonObject parameters
            || !(parameters.ContainsKey("BuilderBaseImage") || parameters.ContainsKey("RuntimeBaseImage"))
            || Text(parameters, "BuilderDockerfile") is not { } builderPath || Text(parameters, "AppDockerfile") is not { } appPath)
            return (parametersText, []);
        var builder = Read(root, builderPath, reader);
        var app = Read(root, appPath, reader);
        if (builder is null || app is null)
            return (parametersText, []);
        var kind = builder.Path == app.Path ? LayoutKind.BuilderStage : LayoutKind.BuilderAndAppDockerfiles;
        var builderStage = Text(parameters, "BuilderTarget") is { } target ? builder.Stage(target) : LayoutDetector.BuilderStageOf(kind, builder);
        var stated = new Dictionary<string, string?>
        {
            ["BuilderBaseImage"] = builderStage is null ? null : builder.ResolvedBase(builderStage),
            ["RuntimeBaseImage"] = app.FinalStage is { } final ? app.ResolvedBase(final) : null,
        };
        var removed = new List<string>();
        foreach (var (key, value) in stated)
            if (value is not null && Text(parameters, key) == value)
            {
                parameters.Remove(key);
                removed.Add($"{key} {value}");
            }
        if (removed.Count == 0)
            return (parametersText, []);
        var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return (parameters.ToJsonString(options).ReplaceLineEndings("\n") + "\n", removed);
    }

    private static string? Text(JsonObject parameters, string key) =>
        parameters[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DockerfileSummary? Read(string root, string path, IDockerfileReader reader)
    {
        var full = Path.GetFullPath(path, root);
        return File.Exists(full) ? reader.Read(Path.GetRelativePath(root, full).Replace('\\', '/'), File.ReadAllText(full)) : null;
    }
}
