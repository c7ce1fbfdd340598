using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IBuildBuilderImage : IRestore, ISetupQemu
{
    Target BuildBuilderImage => _ => _
        .Description("Builds <name>-builder:deps-<hash> per platform; skipped when that image already exists")
        .DependsOn<IRestore>(x => x.Restore)
        .DependsOn<ISetupQemu>(x => x.SetupQemu)
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .InputPaths(() => BuilderImages.InputPaths(RootDirectory, BuildContext, BuilderDockerfile, AppDockerfile, BuilderTarget,
            DependencyManifests, DependencySources))
        .Inputs(inputs => BuilderImages.DeclareInputs(inputs, Value<BuildInputs>()))
        .UpToDateWhen<BuilderImageSet>((_, cancellation) => Builders().FindAllAsync(cancellation))
        .PreviousInputsFrom((_, cancellation) => Builders().PreviousInputsAsync(cancellation))
        .Produces<BuilderImageSet>(async cancellation =>
        {
            var builders = await Builders().BuildMissingAsync(IsForced, cancellation);
            Note(BuilderImages.Describe(builders));
            return builders;
        });

    private BuilderImages Builders() => new(Value<BuildInputs>(), Value<ContainerEngines>(), Log, Progress);
}
