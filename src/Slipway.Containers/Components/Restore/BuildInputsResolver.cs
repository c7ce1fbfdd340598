using Serilog;
using Slipway.Containers.Hashing;
using Slipway.Containers.Platforms;
using Slipway.Containers.Provisioning;
using Slipway.Containers.Tagging;

namespace Slipway.Containers.Components;

/// <summary>Restore's work: validate the parameters, reach (or provision) the engines, resolve base images and compute
/// each platform's dependency hash, into one immutable <see cref="BuildInputs"/>. Given the inputs an earlier
/// resolution of this run made (<paramref name="earlier"/>, a watch's next cycle), the engines are not provisioned again,
/// the platforms are the same, and the base images are those it resolved while the Dockerfiles name the same ones.</summary>
internal sealed class BuildInputsResolver(RestoreRequest request, ContainerEngines engines, ILogger log, BuildInputs? earlier = null)
{
    public async Task<BuildInputs> ResolveAsync(CancellationToken cancellation)
    {
        var names = new ImageNames(ImageNameRule.Validate(request.ImageName));
        var requested = request.Platforms.Select(Platform.Parse).Distinct().ToArray();
        RequireFile(request.BuilderDockerfile, "builder Dockerfile");
        RequireFile(request.AppDockerfile, "app Dockerfile");
        // git runs while the Dockerfiles are read and the engines answer: Restore is on the path of every build, even one with nothing to do
        var revisionRead = Task.Run(() => SourceRevisionReader.Read(request.Environment, request.Root, request.DefaultBranch), cancellation);
        _ = engines.Primary.GetPlatformAsync(cancellation); // the engine's first answer, asked now: awaited, its failure handled, below
        var contract = DockerfileContractReader.Read(request.Root, request.BuilderDockerfile, request.AppDockerfile, request.ArgumentNames);
        if (contract.BuilderIsStageOfApp)
            log.Information("{Dockerfile}: the builder is its stage {Stage}; the app is built with that stage replaced by the builder image of its hash",
                contract.App.Source, contract.BuilderTarget);
        if (!contract.UnseenBuilderTail.IsEmpty)
            log.Information("Left out of the builder image (the file is unchanged), since no later stage sees what they write: {Instructions}",
                string.Join("; ", contract.UnseenBuilderTail.LeftOut));

        log.Information("Docker engine: {Endpoint} ({FoundBy})", engines.Primary.Endpoint, engines.Primary.FoundBy);
        foreach (var engine in engines.Routed.Values.Prepend(engines.Primary).Where(engine => engine.Endpoint.IsPlainRemote).DistinctBy(engine => engine.Endpoint))
            log.Warning("The Docker engine at {Endpoint} is reached over plain tcp:// without TLS: whoever can reach that port is root on its host. " +
                        "Use TLS (DOCKER_TLS_VERIFY with DOCKER_CERT_PATH, or a context with TLS material) or ssh://user@host", engine.Endpoint);
        if (earlier is null)
            await EngineProvisioner.EnsureAsync(engines.Primary, request.TemporaryDirectory, log, cancellation);
        var ownPlatform = requested.Length > 0 || earlier is not null ? null : engines.Primary.GetPlatformAsync(cancellation);
        await Task.WhenAll(engines.Routed.Select(async route =>
        {
            await route.Value.PingAsync(cancellation);
            log.Information("{Platform} builds on its own engine at {Endpoint} ({FoundBy})", route.Key, route.Value.Endpoint, route.Value.FoundBy);
        }));
        var platforms = earlier?.Platforms.Select(platform => platform.Platform).ToArray() ?? (ownPlatform is null ? requested : [await ownPlatform]);

        var builderBase = BaseImageChoice.Choose(contract.BuilderBase, request.BuilderBaseImage, "builder", "--builder-base-image", log);
        var runtimeBase = BaseImageChoice.Choose(contract.RuntimeBase, request.RuntimeBaseImage, "runtime", "--runtime-base-image", log);
        var bases = EarlierBases(builderBase, runtimeBase) ?? await new BaseImageResolver(engines.For, request.TemporaryDirectory, log)
            .ResolveAsync(request.BaseImages, builderBase, runtimeBase, platforms, cancellation);
        var perPlatform = platforms.Select(platform => ForPlatform(contract, platform, bases[platform])).ToArray();

        var revision = await revisionRead;
        var version = TagStrategy.SemanticVersion(revision.GitTag)?.Full;
        return new BuildInputs(request.BuildContext, contract, names, perPlatform,
            revision, TagStrategy.AppTags(revision), version, request.Registry) { Secrets = request.BuildSecrets };
    }

    /// <summary>A platform's dependency hash over the Dockerfile, what it reads from the context (named in the log, so a
    /// user sees what rebuilds the builder) and the declared additions, the build arguments, the platform and the base.</summary>
    private PlatformInputs ForPlatform(DockerfileContract contract, Platform platform, BaseImageResolver.BasePair bases)
    {
        var arguments = contract.BuilderArguments(bases.Builder.Reference);
        var selected = DockerfileReads.Select(request.BuildContext, request.BuilderDockerfile, contract.BuilderAsRead, contract.BuilderTarget, platform, arguments);
        if (_contextWarned++ == 0)
        {
            if (selected.Reads.WholeContext is { } whole)
                log.Warning("{Read}: the builder reads the whole build context, so every code change rebuilds the builder{Kept}", whole.ToString(),
                    contract.UnseenBuilderTail.KeptBecause is { } kept ? $" (kept in the builder image: {kept})" : "");
            LargeContextWarning.WarnIfLarge(selected.Files, "builder", log);
        }
        var declared = new DependencyInputs(request.BuilderDockerfile, request.DependencyManifests.ToArray(), request.DependencySources.ToArray(), arguments);
        var hash = DependencyHasher.Compute(request.BuildContext, declared, selected.Files.Digests(), platform, bases.Builder);
        log.Information("{Platform}: dependency hash {Hash} over {Count} inputs (builder base {Base}): {Files}",
            platform, hash.Short, hash.Inputs.Items.Count, bases.Builder.Reference, Names(selected.Files.Files));
        return new PlatformInputs(platform, hash, bases.Builder, bases.Runtime, selected.Files.Paths);
    }

    private int _contextWarned;

    /// <summary>The earlier resolution's bases when the Dockerfiles still name the same images (the line may have moved).</summary>
    private IReadOnlyDictionary<Platform, BaseImageResolver.BasePair>? EarlierBases(BaseImageRequest builder, BaseImageRequest runtime)
    {
        if (earlier is null)
            return null;
        var silent = Serilog.Core.Logger.None;
        var before = (Builder: BaseImageChoice.Choose(earlier.Dockerfiles.BuilderBase, request.BuilderBaseImage, "builder", "", silent),
            Runtime: BaseImageChoice.Choose(earlier.Dockerfiles.RuntimeBase, request.RuntimeBaseImage, "runtime", "", silent));
        static bool Same(BaseImageRequest one, BaseImageRequest other) => one.Reference == other.Reference && one.PlatformFlag == other.PlatformFlag;
        return Same(before.Builder, builder) && Same(before.Runtime, runtime)
            ? earlier.Platforms.ToDictionary(platform => platform.Platform, platform => new BaseImageResolver.BasePair(platform.BuilderBase, platform.RuntimeBase))
            : null;
    }

    private static string Names(IReadOnlyList<string> files) =>
        files.Count <= 12 ? string.Join(", ", files) : $"{string.Join(", ", files.Take(12))} and {files.Count - 12} more";

    public static string Describe(BuildInputs inputs) =>
        string.Join(", ", inputs.Platforms.Select(p => $"{p.Platform} deps-{p.DependencyHash.Short}"));

    private void RequireFile(Slipway.Paths.AbsolutePath path, string what)
    {
        if (!path.FileExists)
            throw new SlipwayException($"{what} {path.RelativeTo(request.Root)} does not exist");
    }
}
