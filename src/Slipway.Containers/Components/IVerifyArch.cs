using Slipway.Containers.Verification;
using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IVerifyArch : IBuildAppImage
{
    [Parameter("Command that runs the service's self-check inside the app image (exit code 0 and JSON with 'machine')")]
    string[] SelfCheckCommand => ParameterValue(nameof(SelfCheckCommand), new[] { "python", "-m", "voice", "--self-check" });

    [Parameter("Folder of the virtual environment whose shared objects must match the platform")]
    string VenvPath => ParameterValue(nameof(VenvPath), "/opt/venv");

    Target VerifyArch => _ => _
        .Description("Checks every image's bytes: platform, ELF machine of the venv, no compilers, non-root, self-check; skipped for images verified before")
        .DependsOn<IBuildAppImage>(x => x.BuildAppImage)
        .Consumes<ContainerEngines>()
        .Consumes<BuilderImageSet>()
        .Consumes<AppImageSet>()
        .Inputs(inputs => ArchitectureVerifier.DeclareInputs(inputs, VerifiedImages(), SelfCheckCommand, VenvPath))
        .Executes(async cancellation =>
        {
            var images = VerifiedImages();
            await new ArchitectureVerifier(Value<ContainerEngines>().For, SelfCheckCommand, VenvPath, Log).VerifyAllAsync(images, cancellation);
            Note($"{images.Count} images verified");
        });

    private IReadOnlyList<ImageRecord> VerifiedImages() => [.. Value<BuilderImageSet>().Images, .. Value<AppImageSet>().Images];
}
