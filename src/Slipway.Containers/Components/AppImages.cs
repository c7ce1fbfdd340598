using Serilog;
using Slipway.Output.Progress;
using Slipway.Containers.Engine;
using Slipway.Paths;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Components;

/// <summary>BuildAppImage's work: one app image per platform, FROM that platform's builder by its exact hash tag.</summary>
internal sealed class AppImages(
    AbsolutePath root, BuildInputs inputs, ContainerEngines engines, BuilderImageSet builders, IReadOnlyDictionary<string, string> environment, ILogger log,
    IProgressReporter? progress = null)
{
    /// <summary>The app image's own inputs as root-relative globs (for CI path filters): its Dockerfile, .dockerignore,
    /// what its last stage reads from the context and the declared additions.</summary>
    public static IEnumerable<string> InputPaths(
        AbsolutePath root, AbsolutePath context, AbsolutePath dockerfile, IEnumerable<string> sources, string? stage = null)
    {
        var relative = context.RelativeTo(root);
        var prefix = relative == "." ? "" : relative + "/";
        var reads = dockerfile.FileExists
            ? DockerfileReads.PathFilters(root, context, Dockerfiles.Dockerfile.Read(dockerfile, dockerfile.RelativeTo(root)), stage)
            : [];
        return new[] { dockerfile.RelativeTo(root), prefix + ".dockerignore" }.Concat(reads).Concat(sources.Select(glob => prefix + glob));
    }

    /// <summary>Everything the app build consumes: the files its Dockerfile reads from the context (each named, so a
    /// rebuild says what changed) and that context as the engine receives it, the image name and tags, and per platform
    /// the builder's image ID, the runtime base's ID and the labels.</summary>
    public InputSetBuilder DeclareInputs(InputSetBuilder builder)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        builder.Value("app image tags", string.Join(" ", Tags(inputs.Platforms[0])));
        foreach (var platform in inputs.Platforms)
        {
            var prefix = $"{platform.Platform}: ";
            var build = Request(platform);
            builder.Include(new InputSet(Selected(platform).Files.Digests().Items.Where(item => named.Add(item.Name))));
            builder.Value((inputs.IsMultiPlatform ? prefix : "") + "build context as sent to the engine",
                new BuildContext(inputs.Context, build.DockerfilePath, build.ContextPaths, build.DockerfileText).Digest());
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
        var labels = Labels(platform);
        labels[BuilderImageLabels.AppInputs] = inputsHash;
        var request = Request(platform) with { Labels = labels, Progress = progress, ProgressLabel = $"app {platform.Platform}" };
        log.Information("{Platform}: building {Reference} FROM {Builder}", platform.Platform, request.Tags[0], builder);
        if (inputs.Dockerfiles.RuntimeBase is { IsLiteral: true } literal)
            log.Information("{Platform}: {Dockerfile} is sent with line {Line}'s FROM {Base} naming {Reference} (the file is unchanged)",
                platform.Platform, inputs.Dockerfiles.App.Source, literal.Stage.Line, literal.Stage.Base, platform.RuntimeBase.Reference);
        if (inputs.Dockerfiles.BuilderIsStageOfApp)
            log.Information("{Platform}: {Dockerfile} is sent with its stage {Stage} replaced by FROM {Builder} (the file is unchanged)",
                platform.Platform, inputs.Dockerfiles.App.Source, inputs.Dockerfiles.BuilderTarget, builder);
        LargeContextWarning.WarnIfLarge(Selected(platform).Files, "app", log);
        var result = await engines.BuilderFor(platform.Platform).BuildAsync(request, log, cancellation);
        return new ImageRecord(ImageRole.App, platform.Platform, request.Tags[0], result.Id, true, $"FROM {builder}");
    }

    /// <summary>The app's build for a platform: its Dockerfile as built, the build arguments under the names the
    /// Dockerfile uses, and only the context paths it reads.</summary>
    private ImageBuild Request(PlatformInputs platform)
    {
        var dockerfiles = inputs.Dockerfiles;
        var builder = inputs.BuilderReference(platform);
        return new ImageBuild(inputs.Context, dockerfiles.AppDockerfile.RelativeTo(inputs.Context))
        {
            Platform = platform.Platform,
            Tags = Tags(platform),
            BuildArgs = dockerfiles.AppArguments(builder, platform),
            ContextPaths = Selected(platform).Files.Paths,
            DockerfileText = dockerfiles.AppIsRewritten ? dockerfiles.AppAsBuilt(builder, platform).Text : null,
            Secrets = inputs.Secrets,
            RegistryLogins = inputs.RegistryLogins,
        };
    }

    private DockerfileReads.Selected Selected(PlatformInputs platform)
    {
        var dockerfiles = inputs.Dockerfiles;
        var builder = inputs.BuilderReference(platform);
        return DockerfileReads.Select(inputs.Context, dockerfiles.AppDockerfile, dockerfiles.AppAsBuilt(builder, platform), null, platform.Platform,
            dockerfiles.AppArguments(builder, platform));
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
