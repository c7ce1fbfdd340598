using Slipway.Containers.Engine;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Components;

/// <summary>BuildAppImage's work: one app image per platform, FROM that platform's builder by its exact hash tag.</summary>
internal sealed class AppImages(IContainerBuild build)
{
    /// <summary>The app image's own inputs as root-relative globs (for CI path filters): its Dockerfile and the app's sources.</summary>
    public static IEnumerable<string> InputPaths(IContainerBuild build)
    {
        var context = build.BuildContext.RelativeTo(build.RootDirectory);
        var prefix = context == "." ? "" : context + "/";
        return new[] { build.AppDockerfile.RelativeTo(build.RootDirectory), prefix + ".dockerignore" }
            .Concat(build.AppSources.Select(glob => prefix + glob));
    }

    /// <summary>Everything the app build consumes: the build context as the engine would receive it (each file named,
    /// so a rebuild says what changed), the image name and tags, and per platform the builder's image ID, the runtime
    /// base's ID and the labels.</summary>
    public static InputSetBuilder DeclareInputs(InputSetBuilder builder, IContainerBuild build)
    {
        var session = build.Containers;
        var inputs = session.Inputs;
        var context = new BuildContext(inputs.Context, inputs.AppDockerfile);
        foreach (var name in context.Entries().Where(name => !name.EndsWith('/')))
            if ((inputs.Context / name) is { FileExists: true } file)
                builder.File(file);
        builder.Value("build context as sent to the engine", context.Digest());
        builder.Value("app image tags", string.Join(" ", Tags(inputs, inputs.Platforms[0])));
        foreach (var platform in inputs.Platforms)
        {
            var prefix = $"{platform.Platform}: ";
            builder.Value(prefix + "builder image", BuilderImageId(session, platform));
            builder.Value(prefix + "runtime base image", platform.RuntimeBase.ImageId ?? platform.RuntimeBase.Reference);
            foreach (var (name, value) in Labels(build, platform).OrderBy(label => label.Key, StringComparer.Ordinal))
                builder.Value($"{prefix}label {name}", value);
        }
        return builder;
    }

    /// <summary>True when every platform's app image in the engine was built from exactly these inputs and carries all
    /// of this run's tags; those images are then recorded as this run's app images.</summary>
    public async Task<bool> AllCurrentAsync(InputSet inputs, CancellationToken cancellation)
    {
        var session = build.Containers;
        var current = new List<ImageRecord>();
        foreach (var platform in session.Inputs.Platforms)
        {
            var engine = session.EngineFor(platform.Platform);
            var tags = Tags(session.Inputs, platform);
            var images = await Task.WhenAll(tags.Select(tag => engine.InspectImageAsync(tag, cancellation)));
            if (images[0] is not { } image
                || image.Labels.GetValueOrDefault(BuilderImageLabels.AppInputs) != inputs.Hash
                || images.Any(other => other?.Id != image.Id))
                return false;
            current.Add(new ImageRecord(ImageRole.App, platform.Platform, tags[0], image.Id, false, "built earlier from the same inputs"));
        }
        foreach (var record in current)
            session.Add(record);
        await ImageSummary.WriteImagesAsync(build, cancellation);
        return true;
    }

    public async Task BuildAsync(CancellationToken cancellation)
    {
        var session = build.Containers;
        var inputsHash = DeclareInputs(new InputSetBuilder(build.RootDirectory), build).Build().Hash;
        var references = new System.Collections.Concurrent.ConcurrentBag<string>();
        await session.ForEachPlatformAsync(async platform => references.Add(await BuildAsync(session, platform, inputsHash, cancellation)));
        build.Note($"built {string.Join(", ", references.Order())}");
    }

    private async Task<string> BuildAsync(ContainerSession session, PlatformInputs platform, string inputsHash, CancellationToken cancellation)
    {
        var inputs = session.Inputs;
        var builder = inputs.BuilderReference(platform);
        var tags = Tags(inputs, platform);
        var labels = Labels(build, platform);
        labels[BuilderImageLabels.AppInputs] = inputsHash;
        build.Log.Information("{Platform}: building {Reference} FROM {Builder}", platform.Platform, tags[0], builder);
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
        var result = await new ImageBuilder(session.EngineFor(platform.Platform)).BuildAsync(request, build.Log, cancellation);
        session.Add(new ImageRecord(ImageRole.App, platform.Platform, tags[0], result.Id, true, $"FROM {builder}"));
        return tags[0];
    }

    private static string[] Tags(BuildInputs inputs, PlatformInputs platform) =>
        inputs.AppTags.Select(tag => $"{inputs.Names.App}:{inputs.LocalTag(tag, platform)}").ToArray();

    private static Dictionary<string, string> Labels(IContainerBuild build, PlatformInputs platform)
    {
        var inputs = build.Containers.Inputs;
        var labels = OciLabels.For(inputs.Revision, inputs.Version, OciLabels.Created(build.EnvironmentVariables, inputs.Revision));
        labels[BuilderImageLabels.Role] = "app";
        labels[BuilderImageLabels.Platform] = platform.Platform.ToString();
        labels[BuilderImageLabels.DependencyHash] = platform.DependencyHash.Value;
        return labels;
    }

    /// <summary>The builder image this run found or built for the platform; its reference when none was recorded
    /// (BuildBuilderImage skipped), which never matches an earlier run's ID, so the app is rebuilt.</summary>
    private static string BuilderImageId(ContainerSession session, PlatformInputs platform) =>
        session.Images.LastOrDefault(image => image.Role == ImageRole.Builder && image.Platform == platform.Platform)?.ImageId
        ?? session.Inputs.BuilderReference(platform);
}
