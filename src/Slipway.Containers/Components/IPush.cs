using Slipway.Containers.Attestations;
using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IPush : IBuildAppImage, IHazSigning
{
    [Parameter("Push each platform by digest only and record it under .nuke/temp/digests (a CI matrix job); PushIndex then writes the tags")]
    bool PushByDigest => ParameterValue(nameof(PushByDigest), false);

    Target Push => _ => _
        .Description("Pushes every platform's builder and app image (with SBOM and provenance referrers, signed with --signing-key), then one multi-platform index per tag, only when all platforms succeeded")
        .DependsOn<IBuildAppImage>(x => x.BuildAppImage)
        .TryDependsOn<IVerifyArch>(x => x.VerifyArch)
        .Requires(() => Registry)
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .Consumes<BuilderImageSet>()
        .Consumes<AppImageSet>()
        .Preview(() => TagPreview.Describe(EnvironmentVariables, RootDirectory, Registry, DefaultBranch))
        .Executes(async cancellation =>
        {
            var inputs = Value<BuildInputs>();
            using var signer = Signer();
            var images = new PushRequest(inputs, Value<BuilderImageSet>(), Value<AppImageSet>(), PushByDigest, Attestations, signer);
            Note(await Publisher().PushAsync(images, Value<ContainerEngines>(), cancellation));
        });

    Target PushIndex => _ => _
        .Description("Writes the multi-platform indexes from the digests that --push-by-digest runs recorded under .nuke/temp/digests")
        .Requires(() => Registry)
        .Executes(async cancellation =>
        {
            var revision = Tagging.SourceRevisionReader.Read(EnvironmentVariables, RootDirectory, DefaultBranch);
            using var signer = Signer();
            Note(await Publisher().WriteIndexesFromDigestsAsync(revision, signer, cancellation));
        });

    /// <summary>The key of --signing-key, read before anything is pushed (a wrong passphrase fails first); none without it.</summary>
    private EcdsaKeySigner? Signer() =>
        SigningKey is { } key ? EcdsaKeySigner.FromFile(key, SigningKeyPassphrase) : null;

    private ImagePublisher Publisher() => new(RegistrySettings.Require(this, Log), TemporaryDirectory, EnvironmentVariables, Log, Progress);
}
