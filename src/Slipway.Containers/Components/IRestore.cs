using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface IRestore : IContainerBuild
{
    Target Restore => _ => _
        .Description("Reaches the Docker engine, resolves base images and computes each platform's dependency hash")
        .Executes(async cancellation => Containers.Inputs = await BuildInputsResolver.ResolveAsync(this, cancellation));
}
