using Serilog;
using Slipway.Output.Progress;
using Slipway.Containers.Engine;
using Slipway.Paths;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Components;

/// <summary>BuildBuilderImage's work: which builder images exist, what the previous ones were built from, and
/// building the missing ones tagged by their dependency hash.</summary>
internal sealed class BuilderImages(BuildInputs inputs, ContainerEngines engines, ILogger log, IProgressReporter? progress = null)
{
    /// <summary>The builder's inputs as root-relative globs (for CI path filters): its Dockerfile, what it reads from the
    /// context (the same reads the dependency hash covers) and the declared additions.</summary>
    public static IEnumerable<string> InputPaths(
        AbsolutePath root, AbsolutePath context, AbsolutePath dockerfile, AbsolutePath appDockerfile, string? target,
        IEnumerable<string> manifests, IEnumerable<string> sources)
    {
        var relative = context.RelativeTo(root);
        var prefix = relative == "." ? "" : relative + "/";
        IEnumerable<string> reads = [];
        if (dockerfile.FileExists)
        {
            var file = Dockerfiles.Dockerfile.Read(dockerfile, dockerfile.RelativeTo(root));
            target ??= dockerfile == appDockerfile ? file.CopiedStage()?.Name : null;
            if (dockerfile == appDockerfile && target is not null)
                file = file.LeavingOut(file.UnseenTailOf(target));
            reads = DockerfileReads.PathFilters(root, context, file, target);
        }
        return new[] { dockerfile.RelativeTo(root) }.Concat(reads).Concat(manifests.Concat(sources).Select(glob => prefix + glob));
    }

    public static InputSetBuilder DeclareInputs(InputSetBuilder builder, BuildInputs inputs)
    {
        foreach (var platform in inputs.Platforms)
            builder.Include(platform.DependencyHash.Inputs, inputs.IsMultiPlatform ? $"{platform.Platform}: " : "");
        return builder;
    }

    public static string Describe(BuilderImageSet builders)
    {
        var built = builders.Images.Where(image => image.Built).Select(image => $"{image.Platform} {image.Reference.Split(':')[^1]}").Order().ToArray();
        return built.Length == 0 ? "all builder images present" : $"built {string.Join(", ", built)}";
    }

    /// <summary>Every platform's builder for its hash, when each is in the local engine; null when one is missing.
    /// Reads only: a builder that is only in the registry is pulled by the target, not by its up-to-date check.</summary>
    public async Task<BuilderImageSet?> FindAllAsync(CancellationToken cancellation)
    {
        var present = new List<ImageRecord>();
        foreach (var platform in inputs.Platforms)
        {
            if (await LocalAsync(platform, cancellation) is not { } image)
                return null;
            present.Add(Record(platform, image.Id, built: false, $"{inputs.BuilderReference(platform)} exists"));
        }
        return new BuilderImageSet(present);
    }

    public async Task<InputSet?> PreviousInputsAsync(CancellationToken cancellation)
    {
        var builder = new InputSetBuilder(inputs.Context);
        var found = false;
        foreach (var platform in inputs.Platforms)
        {
            if (await PreviousAsync(platform, cancellation) is not { } previous)
                continue;
            builder.Include(previous, inputs.IsMultiPlatform ? $"{platform.Platform}: " : "");
            found = true;
        }
        return found ? builder.Build() : null;
    }

    public async Task<BuilderImageSet> BuildMissingAsync(bool forced, CancellationToken cancellation)
    {
        var records = new System.Collections.Concurrent.ConcurrentDictionary<PlatformInputs, ImageRecord>();
        await engines.ForEachPlatformAsync(inputs.Platforms, async platform => records[platform] = await BuildIfMissingAsync(platform, forced, cancellation));
        return new BuilderImageSet(inputs.Platforms.Select(platform => records[platform]).ToArray());
    }

    private async Task<ImageRecord> BuildIfMissingAsync(PlatformInputs platform, bool forced, CancellationToken cancellation)
    {
        var reference = inputs.BuilderReference(platform);
        if (!forced && await LocalAsync(platform, cancellation) is { } existing)
        {
            log.Information("{Platform}: {Reference} exists in the local engine, not rebuilt", platform.Platform, reference);
            return Record(platform, existing.Id, built: false, $"{reference} exists in the local engine");
        }
        if (!forced && await PulledAsync(platform, cancellation) is { } pulled)
            return Record(platform, pulled.Id, built: false, $"{reference} pulled from the registry");
        log.Information("{Platform}: building {Reference}", platform.Platform, reference);
        var dockerfiles = inputs.Dockerfiles;
        if (dockerfiles.BuilderBase.IsLiteral)
            log.Information("{Platform}: {Dockerfile} is sent with line {Line}'s FROM {Base} naming {Reference} (the file is unchanged)",
                platform.Platform, dockerfiles.Builder.Source, dockerfiles.BuilderBase.Stage.Line, dockerfiles.BuilderBase.Stage.Base, platform.BuilderBase.Reference);
        var request = new ImageBuild(inputs.Context, dockerfiles.BuilderDockerfile.RelativeTo(inputs.Context))
        {
            Platform = platform.Platform,
            Target = dockerfiles.BuilderTarget,
            Tags = [reference, $"{inputs.Names.Builder}:{inputs.LocalTag("latest", platform)}"],
            BuildArgs = dockerfiles.BuilderArguments(platform),
            DockerfileText = dockerfiles.BuilderIsRewritten ? dockerfiles.BuilderAsBuilt(platform).Text : null,
            ContextPaths = platform.BuilderContext,
            Secrets = inputs.Secrets,
            RegistryLogins = inputs.RegistryLogins,
            Progress = progress,
            ProgressLabel = $"builder {platform.Platform}",
            Labels = new Dictionary<string, string>
            {
                [BuilderImageLabels.Role] = "builder",
                [BuilderImageLabels.Platform] = platform.Platform.ToString(),
                [BuilderImageLabels.DependencyHash] = platform.DependencyHash.Value,
                [BuilderImageLabels.DependencyInputs] = platform.DependencyHash.Inputs.ToJson(),
            },
        };
        var result = await engines.BuilderFor(platform.Platform).BuildAsync(request, log, cancellation);
        return Record(platform, result.Id, built: true, forced ? "forced by --force" : "dependency inputs changed");
    }

    /// <summary>The builder image for this platform's hash pulled from the registry when it is there (built by another
    /// machine or CI); null when the registry does not have it.</summary>
    private async Task<ImageDetails?> PulledAsync(PlatformInputs platform, CancellationToken cancellation)
    {
        var engine = engines.For(platform.Platform);
        var reference = inputs.BuilderReference(platform);
        using var registry = RegistryConnection.TryOpen(inputs.Registry, log);
        if (registry is null)
            return null;
        if (await new Registry.PlatformManifestFinder(registry.Client).FindAsync(
                registry.BuilderRepository, platform.DependencyHash.BuilderTag, platform.Platform, cancellation) is null)
            return null;
        var remote = registry.Reference(registry.BuilderRepository, platform.DependencyHash.BuilderTag);
        log.Information("{Platform}: {Remote} is in the registry: pulled instead of rebuilt", platform.Platform, remote);
        await engine.PullImageAsync(remote, platform.Platform, registry.Login, cancellation);
        await engine.TagImageAsync(remote, reference, cancellation);
        return await engine.InspectImageAsync(reference, cancellation);
    }

    private async Task<ImageDetails?> LocalAsync(PlatformInputs platform, CancellationToken cancellation)
    {
        var image = await engines.For(platform.Platform).InspectImageAsync(inputs.BuilderReference(platform), cancellation);
        return image is not null && image.Labels.GetValueOrDefault(BuilderImageLabels.DependencyHash) == platform.DependencyHash.Value
            ? image
            : null;
    }

    private async Task<InputSet?> PreviousAsync(PlatformInputs platform, CancellationToken cancellation)
    {
        var images = await engines.For(platform.Platform).ListImagesAsync(inputs.Names.Builder,
            new Dictionary<string, string> { [BuilderImageLabels.Platform] = platform.Platform.ToString() }, cancellation);
        return images.Select(image => InputSet.FromJson(image.Labels.GetValueOrDefault(BuilderImageLabels.DependencyInputs)))
            .FirstOrDefault(previous => previous is not null);
    }

    private ImageRecord Record(PlatformInputs platform, string imageId, bool built, string why) =>
        new(ImageRole.Builder, platform.Platform, inputs.BuilderReference(platform), imageId, built, why);
}
