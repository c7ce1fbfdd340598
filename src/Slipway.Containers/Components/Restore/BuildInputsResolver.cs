using Serilog;
using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;
using Slipway.Containers.Provisioning;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>Restore's work: validate the parameters, reach (or provision) the engines, resolve base images and compute
/// each platform's dependency hash, into one immutable <see cref="BuildInputs"/>.</summary>
internal sealed class BuildInputsResolver(RestoreRequest request, ContainerEngines engines, ILogger log)
{
    public async Task<BuildInputs> ResolveAsync(CancellationToken cancellation)
    {
        var names = new ImageNames(ImageNameRule.Validate(request.ImageName));
        var requested = request.Platforms.Select(Platform.Parse).Distinct().ToArray();
        RequireFile(request.BuilderDockerfile, "builder Dockerfile");
        RequireFile(request.AppDockerfile, "app Dockerfile");

        // git runs while the engines answer: Restore is on the path of every build, even one with nothing to do
        var revisionRead = Task.Run(() => SourceRevisionReader.Read(request.Environment, request.Root, request.DefaultBranch), cancellation);
        await EngineProvisioner.EnsureAsync(engines.Primary, request.TemporaryDirectory, log, cancellation);
        var ownPlatform = requested.Length > 0 ? null : engines.Primary.GetPlatformAsync(cancellation);
        await Task.WhenAll(engines.Routed.Select(async route =>
        {
            await route.Value.PingAsync(cancellation);
            log.Information("{Platform} builds on its own engine at {Endpoint}", route.Key, route.Value.Endpoint);
        }));
        var platforms = ownPlatform is null ? requested : [await ownPlatform];

        var bases = await new BaseImageResolver(engines.For, request.TemporaryDirectory, log)
            .ResolveAsync(request.BaseImages, request.BuilderBaseImage, request.RuntimeBaseImage, platforms, cancellation);
        var dependencyInputs = new DependencyInputs(request.BuilderDockerfile, request.DependencyManifests.ToArray(),
            request.DependencySources.ToArray(), new Dictionary<string, string>());
        var perPlatform = platforms.Select(platform =>
        {
            var hash = DependencyHasher.Compute(request.BuildContext, dependencyInputs, platform, bases[platform].Builder);
            log.Information("{Platform}: dependency hash {Hash} over {Count} inputs (builder base {Base})",
                platform, hash.Short, hash.Inputs.Items.Count, bases[platform].Builder.Reference);
            return new PlatformInputs(platform, hash, bases[platform].Builder, bases[platform].Runtime);
        }).ToArray();

        var revision = await revisionRead;
        var version = TagStrategy.SemanticVersion(revision.GitTag)?.Full;
        return new BuildInputs(request.BuildContext, request.BuilderDockerfile, request.AppDockerfile, names, perPlatform,
            revision, TagStrategy.AppTags(revision), version, request.Registry);
    }

    public static string Describe(BuildInputs inputs) =>
        string.Join(", ", inputs.Platforms.Select(p => $"{p.Platform} deps-{p.DependencyHash.Short}"));

    private void RequireFile(Slipway.Paths.AbsolutePath path, string what)
    {
        if (!path.FileExists)
            throw new SlipwayException($"{what} {path.RelativeTo(request.Root)} does not exist");
    }
}
