using Slipway.Containers.Engine;

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

    public async Task BuildAsync(CancellationToken cancellation)
    {
        var session = build.Containers;
        var references = new System.Collections.Concurrent.ConcurrentBag<string>();
        await session.ForEachPlatformAsync(async platform => references.Add(await BuildAsync(session, platform, cancellation)));
        build.Note($"built {string.Join(", ", references.Order())}");
    }

    private async Task<string> BuildAsync(ContainerSession session, PlatformInputs platform, CancellationToken cancellation)
    {
        var inputs = session.Inputs;
        var builder = inputs.BuilderReference(platform);
        var tags = inputs.AppTags.Select(tag => $"{inputs.Names.App}:{inputs.LocalTag(tag, platform)}").ToArray();
        var labels = OciLabels.For(inputs.Revision, inputs.Version, OciLabels.Created(build.EnvironmentVariables, inputs.Revision));
        labels[BuilderImageLabels.Role] = "app";
        labels[BuilderImageLabels.Platform] = platform.Platform.ToString();
        labels[BuilderImageLabels.DependencyHash] = platform.DependencyHash.Value;
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
}
