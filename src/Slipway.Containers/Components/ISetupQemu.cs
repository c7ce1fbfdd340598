using Slipway.Targets;

namespace Slipway.Containers.Components;

public interface ISetupQemu : IRestore
{
    Target SetupQemu => _ => _
        .Description("Registers QEMU's binfmt handlers for platforms foreign to their engine; reports docker buildx and its builders")
        .DependsOn<IRestore>(x => x.Restore)
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .Executes(async cancellation =>
            Note(await new QemuSetup(Value<BuildInputs>(), Value<ContainerEngines>(), TemporaryDirectory, Log).RunAsync(cancellation)));
}
