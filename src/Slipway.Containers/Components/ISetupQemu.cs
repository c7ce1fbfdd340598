using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface ISetupQemu : IRestore
{
    Target SetupQemu => _ => _
        .Description("Registers QEMU's binfmt handlers for platforms foreign to their engine; reports docker buildx and its builders")
        .DependsOn<IRestore>(x => x.Restore)
        .Executes(cancellation => new QemuSetup(this).RunAsync(cancellation));
}
