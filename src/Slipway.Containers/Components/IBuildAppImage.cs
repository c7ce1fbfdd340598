using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IBuildAppImage : IBuildBuilderImage
{
    Target BuildAppImage => _ => _
        .Description("Builds the app image per platform FROM the builder's exact dependency-hash tag")
        .DependsOn<IBuildBuilderImage>(x => x.BuildBuilderImage)
        .InputPaths(() => AppImages.InputPaths(this))
        .Executes(cancellation => new AppImages(this).BuildAsync(cancellation))
        .Executes(cancellation => ImageSummary.WriteImagesAsync(this, cancellation));
}
