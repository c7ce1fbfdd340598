using Slipway.Targets;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Components;

public interface IBuildBuilderImage : ISetupQemu
{
    Target BuildBuilderImage => _ => _
        .Description("Builds <name>-builder:deps-<hash> per platform; skipped when that image already exists")
        .DependsOn<IRestore>(x => x.Restore)
        .DependsOn<ISetupQemu>(x => x.SetupQemu)
        .InputPaths(() => BuilderImages.InputPaths(this))
        .Inputs(inputs => BuilderImages.DeclareInputs(inputs, Containers.Inputs))
        .UpToDateWhen((_, cancellation) => new BuilderImages(this).AllPresentAsync(cancellation))
        .PreviousInputsFrom((_, cancellation) => new BuilderImages(this).PreviousInputsAsync(cancellation))
        .Executes(cancellation => new BuilderImages(this).BuildMissingAsync(cancellation));
}
