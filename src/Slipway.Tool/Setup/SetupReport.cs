using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>What setup prints: the layout it detected, each file and what it did with it, and the next command.</summary>
internal static class SetupReport
{
    public static void Write(SetupResult result, string version, TextWriter output)
    {
        if (result.Layout is { } layout)
        {
            output.WriteLine($"Slipway {version} set up in {result.Root}");
            output.WriteLine(layout.Kind == LayoutKind.BuilderStage
                ? $"  builder and app: {layout.AppDockerfile} (builder stage 'builder')"
                : $"  builder: {layout.BuilderDockerfile}, app: {layout.AppDockerfile}");
            if (layout.Compose is { } compose)
                output.WriteLine($"  compose: service {compose.Service.Name} of {compose.File} (build context {layout.BuildContext})");
            output.WriteLine($"  dependency manifests: {(layout.DependencyManifests.Count == 0 ? "none found" : string.Join(" ", layout.DependencyManifests))}");
            output.WriteLine($"  image: {layout.ImageName} (builder {layout.ImageName}-builder)");
        }
        else
        {
            var changed = result.Steps.Any(step => step.Action != SetupAction.Kept);
            output.WriteLine(result.PreviousVersion != version
                ? $"Slipway build in {result.Root} moved from {result.PreviousVersion} to {version}"
                : changed
                    ? $"Slipway {version} is already set up in {result.Root}; the bootstrap files were brought up to date"
                    : $"Slipway {version} is already set up in {result.Root}; nothing to change");
        }
        foreach (var step in result.Steps)
            output.WriteLine(step.ToString());
        foreach (var note in result.Layout?.Notes ?? [])
            output.WriteLine($"note: {note}");
        if (result.DockerfileProblem is { } problem)
        {
            output.WriteLine();
            output.WriteLine($"warning: {problem}; ./build.sh stops with this error until the Dockerfile is changed");
        }
        output.WriteLine();
        output.WriteLine(result.Layout is null
            ? "Next: ./build.sh --help   (the build class and .nuke/parameters.json are unchanged)"
            : "Next: ./build.sh BuildAppImage   (./build.sh --help lists the targets and parameters; build.cmd on Windows)");
    }
}
