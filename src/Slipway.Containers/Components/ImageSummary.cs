using Slipway.Ci;

namespace Slipway.Containers.Components;

/// <summary>On GitHub Actions, the images of this run as a Markdown table in the job summary: name, platform, tags,
/// digest, size, and whether each was built or skipped and why. Elsewhere it writes nothing.</summary>
internal static class ImageSummary
{
    public static async Task WriteImagesAsync(IContainerBuild build, CancellationToken cancellation)
    {
        var summary = StepSummary.For(build.EnvironmentVariables);
        if (!summary.IsEnabled)
            return;
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var image in build.Containers.Images)
        {
            var details = await build.Containers.EngineFor(image.Platform).InspectImageAsync(image.ImageId, cancellation);
            rows.Add([
                image.Role.ToString().ToLowerInvariant(), image.Platform.ToString(), $"`{image.Reference}`",
                $"`{image.ImageId[..Math.Min(image.ImageId.Length, 19)]}`", details is null ? "" : $"{details.Size / 1_000_000.0:0.0} MB",
                image.Built ? $"built ({image.Why})" : $"skipped ({image.Why})",
            ]);
        }
        summary.AppendHeading("Images").AppendTable(["role", "platform", "reference", "image ID", "size", "outcome"], rows);
    }

    public static void WritePushed(IContainerBuild build, RegistryConnection registry, IEnumerable<PushedPlatform> pushed)
    {
        var summary = StepSummary.For(build.EnvironmentVariables);
        if (!summary.IsEnabled)
            return;
        var rows = pushed.SelectMany(platform => new IReadOnlyList<string?>[]
        {
            [$"`{registry.App.Registry}/{registry.BuilderRepository}`", platform.Platform, platform.DependencyTag, $"`{platform.Builder.Digest}`", $"{platform.Builder.Size} B manifest"],
            [$"`{registry.App.Name}`", platform.Platform, "(index tags)", $"`{platform.App.Digest}`", $"{platform.App.Size} B manifest"],
        });
        summary.AppendHeading("Pushed").AppendTable(["image", "platform", "tag", "digest", "size"], rows);
    }
}
