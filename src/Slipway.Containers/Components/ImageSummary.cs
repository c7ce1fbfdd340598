using Slipway.Ci;

namespace Slipway.Containers.Components;

/// <summary>On GitHub Actions, the images of this run as a Markdown table in the job summary: name, platform, tags,
/// digest, size, and whether each was built or skipped and why. Elsewhere it writes nothing.</summary>
internal static class ImageSummary
{
    public static async Task WriteImagesAsync(
        IReadOnlyDictionary<string, string> environment, ContainerEngines engines, IReadOnlyList<ImageRecord> images, CancellationToken cancellation)
    {
        var summary = StepSummary.For(environment);
        if (!summary.IsEnabled)
            return;
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var image in images)
        {
            var details = await engines.For(image.Platform).InspectImageAsync(image.ImageId, cancellation);
            rows.Add([
                image.Role.ToString().ToLowerInvariant(), image.Platform.ToString(), $"`{image.Reference}`",
                $"`{image.ImageId[..Math.Min(image.ImageId.Length, 19)]}`", details is null ? "" : $"{details.Size / 1_000_000.0:0.0} MB",
                image.Built ? $"built ({image.Why})" : $"skipped ({image.Why})",
            ]);
        }
        summary.AppendHeading("Images").AppendTable(["role", "platform", "reference", "image ID", "size", "outcome"], rows);
    }

    public static void WritePushed(IReadOnlyDictionary<string, string> environment, RegistryConnection registry, IEnumerable<PushedPlatform> pushed)
    {
        var summary = StepSummary.For(environment);
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
