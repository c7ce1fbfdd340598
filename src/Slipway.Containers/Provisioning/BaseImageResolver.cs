using Serilog;
using Slipway.Containers.Engine;
using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>Turns the base image parameters into local images with IDs, per platform: present, pulled, or (where the
/// official images cannot be had and the machine allows it) local stand-ins.</summary>
internal sealed class BaseImageResolver(Func<Platform, ContainerEngine> engineFor, string temporaryDirectory, ILogger log)
{
    public sealed record BasePair(ResolvedBaseImage Builder, ResolvedBaseImage Runtime);

    public async Task<IReadOnlyDictionary<Platform, BasePair>> ResolveAsync(
        BaseImageSource source, string builderBase, string runtimeBase, IReadOnlyList<Platform> platforms, CancellationToken cancellation)
    {
        if (source == BaseImageSource.StandIn)
            return await StandInsAsync(platforms, cancellation);
        try
        {
            var pairs = await Task.WhenAll(platforms.Select(async platform =>
            {
                var builder = LocalOrPulledAsync(builderBase, platform, cancellation);
                var runtime = LocalOrPulledAsync(runtimeBase, platform, cancellation);
                return (Platform: platform, Pair: new BasePair(await builder, await runtime));
            }));
            return pairs.ToDictionary(p => p.Platform, p => p.Pair);
        }
        catch (SlipwayException failure) when (source == BaseImageSource.Auto && MachineProbe.CanProvision)
        {
            log.Warning("{Failure}", failure.Message);
            return await StandInsAsync(platforms, cancellation);
        }
    }

    private async Task<ResolvedBaseImage> LocalOrPulledAsync(string reference, Platform platform, CancellationToken cancellation)
    {
        var engine = engineFor(platform);
        var local = await engine.InspectImageAsync(reference, cancellation);
        if (local is not null && local.Platform == platform)
            return new ResolvedBaseImage(reference, local.Id);
        log.Information("Pulling base image {Reference} for {Platform}", reference, platform);
        await engine.PullImageAsync(reference, platform, null, cancellation);
        var pulled = await engine.InspectImageAsync(reference, cancellation);
        if (pulled is null)
        {
            log.Warning("Base image {Reference} could not be resolved to an ID; the dependency hash uses the reference", reference);
            return new ResolvedBaseImage(reference, null);
        }
        return new ResolvedBaseImage(reference, pulled.Id);
    }

    private async Task<IReadOnlyDictionary<Platform, BasePair>> StandInsAsync(IReadOnlyList<Platform> platforms, CancellationToken cancellation)
    {
        var resolved = new Dictionary<Platform, BasePair>();
        foreach (var group in platforms.GroupBy(engineFor))
        {
            var tags = await StandInBaseImages.EnsureAsync(group.ToArray(), group.Key, temporaryDirectory, log, cancellation);
            var pairs = await Task.WhenAll(group.Select(async platform =>
            {
                var builder = InspectedAsync(group.Key, tags[("builder", platform)], cancellation);
                var runtime = InspectedAsync(group.Key, tags[("runtime", platform)], cancellation);
                return (Platform: platform, Pair: new BasePair(await builder, await runtime));
            }));
            foreach (var (platform, pair) in pairs)
                resolved[platform] = pair;
        }
        return resolved;
    }

    private static async Task<ResolvedBaseImage> InspectedAsync(ContainerEngine engine, string tag, CancellationToken cancellation) =>
        new(tag, (await engine.InspectImageAsync(tag, cancellation))?.Id
                 ?? throw new SlipwayException($"stand-in base image {tag} is not in the engine after provisioning"));
}
