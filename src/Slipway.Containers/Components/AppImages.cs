using Serilog;
using Slipway.Containers.Engine;
using Slipway.Paths;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Components;

/// <summary>BuildAppImage's work: one app image per platform, FROM that platform's builder by its exact hash tag.</summary>
internal sealed class AppImages(
    AbsolutePath root, BuildInputs inputs, ContainerEngines engines, BuilderImageSet builders, IReadOnlyDictionary<string, string> environment, ILogger log)
{
    /// <summary>The app image's own inputs as root-relative globs (for CI path filters): its Dockerfile and the app's sources.</summary>
    public static IEnumerable<string> InputPaths(AbsolutePath root, AbsolutePath context, AbsolutePath dockerfile, IEnumerable<string> sources)
    {
        var relative = context.RelativeTo(root);
        var prefix = relative == "." ? "" : relative + "/";
        return new[] { dockerfile.RelativeTo(root), prefix + ".dockerignore" }.Concat(sources.Select(glob => prefix + glob));
    }

    /// <summary>Everything the app build consumes: the build context as the engine would receive it (each file named,
    /// so a rebuild says what changed), the image name and tags, and per platform the builder's image ID, the runtime
    /// base's ID and the labels.</summary>
    public InputSetBuilder DeclareInputs(InputSetBuilder builder)
    {
        var context = new BuildContext(inputs.Context, inputs.AppDockerfile);
        foreach (var name in context.Entries().Where(name => !name.EndsWith('/')))
            if ((inputs.Context / name) is { FileExists: true } file)
                builder.File(file);
        builder.Value("build context as sent to the engine", context.Digest());
        builder.Value("app image tags", string.Join(" ", Tags(inputs.Platforms[0])));
        foreach (var platform in inputs.Platforms)
        {
            var prefix = $"{platform.Platform}: ";
            builder.Value(prefix + "builder image", builders.For(platform.Platform).ImageId);
            builder.Value(prefix + "runtime base image", platform.RuntimeBase.ImageId ?? platform.RuntimeBase.Reference);
            foreach (var (name, value) in Labels(platform).OrderBy(label => label.Key, StringComparer.Ordinal))
                builder.Value($"{prefix}label {name}", value);
        }
        return builder;
    }

    /// <summary>The app images in the engine when every platform's was built from exactly these inputs and carries all
    /// of this run's tags; null otherwise. Records nothing.</summary>
    public async Task<AppImageSet?> FindCurrentAsync(InputSet declared, CancellationToken cancellation)
    {
        var current = new List<ImageRecord>();
        foreach (var platform in inputs.Platforms)
        {
            var engine = engines.For(platform.Platform);
            var tags = Tags(platform);
            var images = await Task.WhenAll(tags.Select(tag => engine.InspectImageAsync(tag, cancellation)));
            if (images[0] is not { } image
                || image.Labels.GetValueOrDefault(BuilderImageLabels.AppInputs) != declared.Hash
                || images.Any(other => other?.Id != image.Id))
                return null;
            current.Add(new ImageRecord(ImageRole.App, platform.Platform, tags[0], image.Id, false, "built earlier from the same inputs"));
        }
        return new AppImageSet(current);
    }

    public async Task<AppImageSet> BuildAsync(CancellationToken cancellation)
    {
        var inputsHash = DeclareInputs(new InputSetBuilder(root)).Build().Hash;
        var records = new System.Collections.Concurrent.ConcurrentDictionary<PlatformInputs, ImageRecord>();
        await engines.ForEachPlatformAsync(inputs.Platforms, async platform => records[platform] = await BuildAsync(platform, inputsHash, cancellation));
        return new AppImageSet(inputs.Platforms.Select(platform => records[platform]).ToArray());
    }

    private async Task<ImageRecord> BuildAsync(PlatformInputs platform, string inputsHash, CancellationToken cancellation)
    {
        var builder = inputs.BuilderReference(platform);
        var tags = Tags(platform);
        var labels = Labels(platform);
        labels[BuilderImageLabels.AppInputs] = inputsHash;
        log.Information("{Platform}: building {Reference} FROM {Builder}", platform.Platform, tags[0], builder);
        var request = new ImageBuild(inputs.Context, inputs.AppDockerfile.RelativeTo(inputs.Context))
        {
            Platform = platform.Platform,
            Tags = tags,
            BuildArgs = new Dictionary<string, string>
            {
                ["BUILDER_IMAGE"] = builder,
                ["BASE_IMAGE"] = platform.RuntimeBase.Reference,
            },
            Labels = labels,
        };
        var result = await new ImageBuilder(engines.For(platform.Platform)).BuildAsync(request, log, cancellation);
        return new ImageRecord(ImageRole.App, platform.Platform, tags[0], result.Id, true, $"FROM {builder}");
    }

    private string[] Tags(PlatformInputs platform) =>
        inputs.AppTags.Select(tag => $"{inputs.Names.App}:{inputs.LocalTag(tag, platform)}").ToArray();

    private Dictionary<string, string> Labels(PlatformInputs platform)
    {
        var labels = OciLabels.For(inputs.Revision, inputs.Version, OciLabels.Created(environment, inputs.Revision));
        labels[BuilderImageLabels.Role] = "app";
        labels[BuilderImageLabels.Platform] = platform.Platform.ToString();
        labels[BuilderImageLabels.DependencyHash] = platform.DependencyHash.Value;
        return labels;
    }
}
