using Slipway.Containers.Engine;
using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;
using Slipway.Containers.Provisioning;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>Restore's work: validate the parameters, reach (or provision) the engines, resolve base images and compute
/// each platform's dependency hash, into one immutable <see cref="BuildInputs"/>.</summary>
internal static class BuildInputsResolver
{
    public static async Task<BuildInputs> ResolveAsync(IContainerBuild build, CancellationToken cancellation)
    {
        var names = new ImageNames(ImageNameRule.Validate(build.ImageName));
        var requested = build.Platforms.Select(Platform.Parse).Distinct().ToArray();
        var routes = EngineRoutes.Parse(build.Engines);
        if (!string.IsNullOrWhiteSpace(build.Registry))
            RegistryConnection.ParseRepository(build);
        RequireFile(build, build.BuilderDockerfile, "builder Dockerfile");
        RequireFile(build, build.AppDockerfile, "app Dockerfile");

        // git runs while the engines answer: Restore is on the path of every build, even one with nothing to do
        var revisionRead = Task.Run(() => SourceRevisionReader.Read(build.EnvironmentVariables, build.RootDirectory, build.DefaultBranch), cancellation);
        var session = build.Containers;
        session.Engine = build.DockerHost is { Length: > 0 } host
            ? new ContainerEngine(EngineEndpoint.Parse(host))
            : ContainerEngine.FromEnvironment(build.EnvironmentVariables);
        await EngineProvisioner.EnsureAsync(session.Engine, build.TemporaryDirectory, build.Log, cancellation);
        var ownPlatform = requested.Length > 0 ? null : session.Engine.GetPlatformAsync(cancellation);
        var routed = await Task.WhenAll(routes.Select(async route =>
        {
            var engine = new ContainerEngine(route.Value);
            await engine.PingAsync(cancellation);
            return (Platform: route.Key, Engine: engine);
        }));
        foreach (var (platform, engine) in routed)
        {
            session.PlatformEngines[platform] = engine;
            build.Log.Information("{Platform} builds on its own engine at {Endpoint}", platform, engine.Endpoint);
        }
        var platforms = ownPlatform is null ? requested : [await ownPlatform];

        var bases = await new BaseImageResolver(session.EngineFor, build.TemporaryDirectory, build.Log)
            .ResolveAsync(build.BaseImages, build.BuilderBaseImage, build.RuntimeBaseImage, platforms, cancellation);
        var dependencyInputs = new DependencyInputs(build.BuilderDockerfile, build.DependencyManifests, build.DependencySources,
            new Dictionary<string, string>());
        var perPlatform = platforms.Select(platform =>
        {
            var hash = DependencyHasher.Compute(build.BuildContext, dependencyInputs, platform, bases[platform].Builder);
            build.Log.Information("{Platform}: dependency hash {Hash} over {Count} inputs (builder base {Base})",
                platform, hash.Short, hash.Inputs.Items.Count, bases[platform].Builder.Reference);
            return new PlatformInputs(platform, hash, bases[platform].Builder, bases[platform].Runtime);
        }).ToArray();

        var revision = await revisionRead;
        var version = TagStrategy.SemanticVersion(revision.GitTag)?.Full;
        build.Note(string.Join(", ", perPlatform.Select(p => $"{p.Platform} deps-{p.DependencyHash.Short}")));
        return new BuildInputs(build.BuildContext, build.BuilderDockerfile, build.AppDockerfile, names, perPlatform,
            revision, TagStrategy.AppTags(revision), version);
    }

    private static void RequireFile(IContainerBuild build, Slipway.Paths.AbsolutePath path, string what)
    {
        if (!path.FileExists)
            throw new SlipwayException($"{what} {path.RelativeTo(build.RootDirectory)} does not exist");
    }
}
