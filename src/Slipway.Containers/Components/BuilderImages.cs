using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Components;

/// <summary>BuildBuilderImage's work: which builder images exist, what the previous ones were built from, and
/// building the missing ones tagged by their dependency hash.</summary>
internal sealed class BuilderImages(IContainerBuild build)
{
    private ContainerSession Session => build.Containers;

    /// <summary>The builder's inputs as root-relative globs (for CI path filters): its Dockerfile and the dependency files.</summary>
    public static IEnumerable<string> InputPaths(IContainerBuild build)
    {
        var context = build.BuildContext.RelativeTo(build.RootDirectory);
        var prefix = context == "." ? "" : context + "/";
        return new[] { build.BuilderDockerfile.RelativeTo(build.RootDirectory) }
            .Concat(build.DependencyManifests.Concat(build.DependencySources).Select(glob => prefix + glob));
    }

    public static InputSetBuilder DeclareInputs(InputSetBuilder builder, BuildInputs inputs)
    {
        foreach (var platform in inputs.Platforms)
            builder.Include(platform.DependencyHash.Inputs, inputs.IsMultiPlatform ? $"{platform.Platform}: " : "");
        return builder;
    }

    public async Task<bool> AllPresentAsync(CancellationToken cancellation)
    {
        var present = new List<(PlatformInputs Platform, ImageDetails Image)>();
        foreach (var platform in Session.Inputs.Platforms)
        {
            if (await ExistingAsync(platform, cancellation) is not { } image)
                return false;
            present.Add((platform, image));
        }
        foreach (var (platform, image) in present)
            Record(platform, image.Id, built: false, $"{Session.Inputs.BuilderReference(platform)} exists");
        return true;
    }

    public async Task<InputSet?> PreviousInputsAsync(CancellationToken cancellation)
    {
        var builder = new InputSetBuilder(Session.Inputs.Context);
        var found = false;
        foreach (var platform in Session.Inputs.Platforms)
        {
            if (await PreviousAsync(platform, cancellation) is not { } previous)
                continue;
            builder.Include(previous, Session.Inputs.IsMultiPlatform ? $"{platform.Platform}: " : "");
            found = true;
        }
        return found ? builder.Build() : null;
    }

    public async Task BuildMissingAsync(CancellationToken cancellation)
    {
        var built = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Session.ForEachPlatformAsync(async platform =>
        {
            if (await BuildIfMissingAsync(platform, cancellation))
                built.Add($"{platform.Platform} {platform.DependencyHash.BuilderTag}");
        });
        build.Note(built.IsEmpty ? "all builder images present" : $"built {string.Join(", ", built.Order())}");
    }

    private async Task<bool> BuildIfMissingAsync(PlatformInputs platform, CancellationToken cancellation)
    {
        var inputs = Session.Inputs;
        var reference = inputs.BuilderReference(platform);
        if (!build.IsForced && await ExistingAsync(platform, cancellation) is { } existing)
        {
            build.Log.Information("{Platform}: {Reference} exists in the local engine, not rebuilt", platform.Platform, reference);
            Record(platform, existing.Id, built: false, $"{reference} exists in the local engine");
            return false;
        }
        build.Log.Information("{Platform}: building {Reference}", platform.Platform, reference);
        var request = new ImageBuild(inputs.Context, inputs.BuilderDockerfile.RelativeTo(inputs.Context))
        {
            Platform = platform.Platform,
            Tags = [reference, $"{inputs.Names.Builder}:{inputs.LocalTag("latest", platform)}"],
            BuildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = platform.BuilderBase.Reference },
            Labels = new Dictionary<string, string>
            {
                [BuilderImageLabels.Role] = "builder",
                [BuilderImageLabels.Platform] = platform.Platform.ToString(),
                [BuilderImageLabels.DependencyHash] = platform.DependencyHash.Value,
                [BuilderImageLabels.DependencyInputs] = platform.DependencyHash.Inputs.ToJson(),
            },
        };
        var result = await new ImageBuilder(Session.EngineFor(platform.Platform)).BuildAsync(request, build.Log, cancellation);
        Record(platform, result.Id, built: true, build.IsForced ? "forced by --force" : "dependency inputs changed");
        return true;
    }

    /// <summary>The builder image for this platform's hash: in the local engine, or pulled from the registry when it
    /// is there (built by another machine or CI); null when neither has it.</summary>
    private async Task<ImageDetails?> ExistingAsync(PlatformInputs platform, CancellationToken cancellation)
    {
        var engine = Session.EngineFor(platform.Platform);
        var reference = Session.Inputs.BuilderReference(platform);
        var image = await engine.InspectImageAsync(reference, cancellation);
        if (image is not null && image.Labels.GetValueOrDefault(BuilderImageLabels.DependencyHash) == platform.DependencyHash.Value)
            return image;
        using var registry = RegistryConnection.TryOpen(build);
        if (registry is null)
            return null;
        var wanted = platform.Platform;
        if (await new Registry.PlatformManifestFinder(registry.Client).FindAsync(
                registry.BuilderRepository, platform.DependencyHash.BuilderTag, wanted, cancellation) is null)
            return null;
        var remote = registry.Reference(registry.BuilderRepository, platform.DependencyHash.BuilderTag);
        build.Log.Information("{Platform}: {Remote} is in the registry: pulled instead of rebuilt", platform.Platform, remote);
        await engine.PullImageAsync(remote, platform.Platform, registry.Login, cancellation);
        await engine.TagImageAsync(remote, reference, cancellation);
        return await engine.InspectImageAsync(reference, cancellation);
    }

    private async Task<InputSet?> PreviousAsync(PlatformInputs platform, CancellationToken cancellation)
    {
        var images = await Session.EngineFor(platform.Platform).ListImagesAsync(Session.Inputs.Names.Builder,
            new Dictionary<string, string> { [BuilderImageLabels.Platform] = platform.Platform.ToString() }, cancellation);
        return images.Select(image => InputSet.FromJson(image.Labels.GetValueOrDefault(BuilderImageLabels.DependencyInputs)))
            .FirstOrDefault(previous => previous is not null);
    }

    private void Record(PlatformInputs platform, string imageId, bool built, string why) =>
        Session.Add(new ImageRecord(ImageRole.Builder, platform.Platform, Session.Inputs.BuilderReference(platform), imageId, built, why));
}
