using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IBuildAppImage : IBuildBuilderImage
{
    Target BuildAppImage => _ => _
        .Description("Builds the app image per platform FROM the builder's exact dependency-hash tag; skipped when its inputs are unchanged")
        .DependsOn<IBuildBuilderImage>(x => x.BuildBuilderImage)
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .Consumes<BuilderImageSet>()
        .InputPaths(() => AppImages.InputPaths(RootDirectory, BuildContext, AppDockerfile, AppSources))
        .Inputs(inputs => Apps().DeclareInputs(inputs))
        .UpToDateWhen<AppImageSet>((inputs, cancellation) => Apps().FindCurrentAsync(inputs, cancellation))
        .Produces<AppImageSet>(async cancellation =>
        {
            var apps = await Apps().BuildAsync(cancellation);
            Note($"built {string.Join(", ", apps.Images.Select(image => image.Reference).Order())}");
            return apps;
        })
        .Reports(cancellation => ImageSummary.WriteImagesAsync(EnvironmentVariables, Value<ContainerEngines>(),
            [.. Value<BuilderImageSet>().Images, .. Value<AppImageSet>().Images], cancellation));

    private AppImages Apps() => new(RootDirectory, Value<BuildInputs>(), Value<ContainerEngines>(), Value<BuilderImageSet>(), EnvironmentVariables, Log, Progress);
}
