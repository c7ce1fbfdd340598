using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IVerifyImages : IHazRegistry, IHazPlatforms, IHazSigning, IHazSourceRevision
{
    Target VerifyImages => _ => _
        .Description("Reads the app image's tags back from the registry: every platform in the index, each with its SBOM and provenance referrers and (with --signing-public-key) valid signatures")
        .TryAfter<IPush>(x => x.Push, x => x.PushIndex)
        .Requires(() => Registry)
        .Executes(async cancellation =>
        {
            var revision = Tagging.SourceRevisionReader.Read(EnvironmentVariables, RootDirectory, DefaultBranch);
            var verification = new PushedImageVerification(RegistrySettings.Require(this, Log), TemporaryDirectory, EnvironmentVariables, Log);
            Note(await verification.VerifyAsync(Tagging.TagStrategy.AppTags(revision), Platforms, SigningPublicKey, cancellation));
        });
}
