using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IPush : IVerifyArch
{
    [Parameter("Push each platform by digest only and record it under .nuke/temp/digests (a CI matrix job); PushIndex then writes the tags")]
    bool PushByDigest => ParameterValue(nameof(PushByDigest), false);

    Target Push => _ => _
        .Description("Pushes every platform's builder and app image, then one multi-platform index per tag, only when all platforms succeeded")
        .DependsOn<IVerifyArch>(x => x.VerifyArch)
        .Requires(() => Registry)
        .Preview(() => TagPreview.Describe(this))
        .Executes(cancellation => new ImagePublisher(this).PushAsync(cancellation));

    Target PushIndex => _ => _
        .Description("Writes the multi-platform indexes from the digests that --push-by-digest runs recorded under .nuke/temp/digests")
        .Requires(() => Registry)
        .Executes(cancellation => new ImagePublisher(this).WriteIndexesFromDigestsAsync(cancellation));
}
