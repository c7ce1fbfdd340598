using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IBuildAppImage : IBuildBuilderImage
{
    Target BuildAppImage => _ => _
        .Description("Builds the app image per platform FROM the builder's exact dependency-hash tag; skipped when its inputs are unchanged")
        .DependsOn<IBuildBuilderImage>(x => x.BuildBuilderImage)
        .InputPaths(() => AppImages.InputPaths(this))
        .Inputs(inputs => AppImages.DeclareInputs(inputs, this))
        .UpToDateWhen((inputs, cancellation) => new AppImages(this).AllCurrentAsync(inputs, cancellation))
        .Executes(cancellation => new AppImages(this).BuildAsync(cancellation))
        .Executes(cancellation => ImageSummary.WriteImagesAsync(this, cancellation));
}
