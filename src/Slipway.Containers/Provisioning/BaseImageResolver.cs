using Serilog;
using Slipway.Containers.Engine;
using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>Turns the builder's and the runtime's base image into local images with IDs, per platform: present, pulled,
/// or (where the image cannot be had, its name is one the stand-ins stand in for and the machine can build them) the
/// local stand-in. A base that exists nowhere is one error line naming where it was named and the image.</summary>
internal sealed class BaseImageResolver(Func<Platform, ContainerEngine> engineFor, string temporaryDirectory, ILogger log)
{
    public sealed record BasePair(ResolvedBaseImage Builder, ResolvedBaseImage Runtime);

    public async Task<IReadOnlyDictionary<Platform, BasePair>> ResolveAsync(
        BaseImageSource source, BaseImageRequest builder, BaseImageRequest runtime, IReadOnlyList<Platform> platforms, CancellationToken cancellation)
    {
        var targets = platforms.SelectMany(platform => new[] { (Target: platform, Request: builder), (Target: platform, Request: runtime) }).ToArray();
        var wanted = await Task.WhenAll(targets.Select(async each => (each.Target, each.Request,
            Platform: each.Request.PlatformFlag is null ? each.Target : each.Request.PlatformFor(each.Target, await engineFor(each.Target).GetPlatformAsync(cancellation)))));
        var found = source == BaseImageSource.StandIn
            ? new ResolvedBaseImage?[wanted.Length]
            : await Task.WhenAll(wanted.Select(each => LocalOrPulledAsync(each.Request, engineFor(each.Target), each.Platform, source, cancellation)));
        var standIns = wanted.Where((_, index) => found[index] is null).Select(each => (Engine: engineFor(each.Target), each.Platform)).Distinct().ToArray();
        var tags = standIns.Length == 0 ? [] : await StandInsAsync(standIns, cancellation);
        var resolved = await Task.WhenAll(wanted.Select(async (each, index) => found[index] ?? await StandInAsync(each.Request, each.Platform, tags, cancellation)));
        return platforms.ToDictionary(platform => platform, platform => new BasePair(
            resolved[Array.FindIndex(wanted, each => each.Target == platform && each.Request == builder)],
            resolved[Array.FindIndex(wanted, each => each.Target == platform && each.Request == runtime)]));
    }

    /// <summary>The image from the engine or pulled; null where a stand-in may take its place.</summary>
    private async Task<ResolvedBaseImage?> LocalOrPulledAsync(
        BaseImageRequest request, ContainerEngine engine, Platform platform, BaseImageSource source, CancellationToken cancellation)
    {
        var reference = request.Reference;
        var local = await engine.InspectImageAsync(reference, cancellation);
        if (local is not null && local.Platform == platform)
            return new ResolvedBaseImage(reference, local.Id);
        log.Information("Pulling base image {Reference} for {Platform}", reference, platform);
        try
        {
            await engine.PullImageAsync(reference, platform, null, cancellation);
        }
        catch (SlipwayException failure)
        {
            if (source == BaseImageSource.Auto && StandInBaseImages.RoleOf(reference) is not null && MachineProbe.CanProvision)
            {
                log.Warning("{Reference} for {Platform} cannot be pulled ({Failure}): the local stand-in takes its place", reference, platform, failure.Message);
                return null;
            }
            throw new SlipwayException($"{request.Where}: base image {reference} for {platform} is not in the engine and none could be pulled ({failure.Message})" +
                                       (StandInBaseImages.RoleOf(reference) is null ? "" : " (a stand-in could take its place with --base-images Auto or StandIn on a Debian or Ubuntu machine as root)"),
                failure);
        }
        var pulled = await engine.InspectImageAsync(reference, cancellation);
        if (pulled is null)
        {
            log.Warning("Base image {Reference} could not be resolved to an ID; the dependency hash uses the reference", reference);
            return new ResolvedBaseImage(reference, null);
        }
        return new ResolvedBaseImage(reference, pulled.Id);
    }

    private async Task<Dictionary<(string Role, Platform Platform), (ContainerEngine Engine, string Tag)>> StandInsAsync(
        IReadOnlyList<(ContainerEngine Engine, Platform Platform)> needed, CancellationToken cancellation)
    {
        var tags = new Dictionary<(string Role, Platform Platform), (ContainerEngine Engine, string Tag)>();
        foreach (var group in needed.GroupBy(each => each.Engine, each => each.Platform))
            foreach (var (entry, tag) in await StandInBaseImages.EnsureAsync(group.Distinct().ToArray(), group.Key, temporaryDirectory, log, cancellation))
                tags[entry] = (group.Key, tag);
        return tags;
    }

    private static async Task<ResolvedBaseImage> StandInAsync(
        BaseImageRequest request, Platform platform, Dictionary<(string Role, Platform Platform), (ContainerEngine Engine, string Tag)> tags,
        CancellationToken cancellation)
    {
        var (engine, tag) = tags[(StandInBaseImages.RoleOf(request.Reference) ?? request.Role, platform)];
        return new ResolvedBaseImage(tag, (await engine.InspectImageAsync(tag, cancellation))?.Id
                                          ?? throw new SlipwayException($"stand-in base image {tag} is not in the engine after provisioning"));
    }
}
