namespace Slipway.Tool.Detection;

/// <summary>What a Compose service's build section says that the build must be told, since the build reads the
/// Dockerfiles and not the Compose file: its platforms, and a build argument that is a base image; the rest (another
/// target, other build arguments) has no Slipway parameter and becomes a note in setup's report.</summary>
internal static class ComposeParameters
{
    public static (IReadOnlyList<KeyValuePair<string, string[]>> Parameters, IReadOnlyList<string> Notes) Of(
        ComposeApp compose, DockerfileSummary builder, DockerfileStage? builderStage, DockerfileSummary app)
    {
        var parameters = new List<KeyValuePair<string, string[]>>();
        var notes = new List<string>();
        var service = $"{compose.File}: service {compose.Service.Name}";
        if (compose.Platforms.Count > 0)
            parameters.Add(KeyValuePair.Create("Platforms", compose.Platforms.ToArray()));
        if (compose.Build.Target is { } target && app.FinalStage is { } final && !final.IsNamedBy(target))
            notes.Add($"{service} builds target {target}; Slipway builds the app from the last stage of {app.Path} ({final.Name ?? "unnamed"}), as it has no parameter for another");
        foreach (var (name, value) in compose.Build.Args)
        {
            var parameter = builderStage?.BaseArgument == name ? "BuilderBaseImage"
                : app.FinalStage?.BaseArgument == name ? "RuntimeBaseImage"
                : null;
            var stated = (parameter == "BuilderBaseImage" ? builder : app).Arguments.GetValueOrDefault(name);
            if (parameter is not null && value is not null && value != stated)
                parameters.Add(KeyValuePair.Create(parameter, new[] { value }));
            else if (parameter is null)
                notes.Add(value is null
                    ? $"{service}'s build argument {name} (from the environment) is not passed by the build: Slipway has no parameter for it"
                    : $"{service}'s build argument {name}={value} is not passed by the build: Slipway has no parameter for it, the Dockerfile's default applies");
        }
        return (parameters, notes);
    }
}
