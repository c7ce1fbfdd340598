using Slipway.Processes;
using Slipway.Containers.Provisioning;

namespace Slipway.Containers.Components;

/// <summary>SetupQemu's work: for every platform that its engine cannot run natively, make sure the kernel has a binfmt
/// handler (registering it where this machine allows), and say whether docker buildx is there (builds do not need it:
/// they go through the engine API).</summary>
internal sealed class QemuSetup(IContainerBuild build)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        var session = build.Containers;
        var foreign = new List<string>();
        foreach (var platform in session.Inputs.Platforms)
        {
            var native = await session.EngineFor(platform.Platform).GetPlatformAsync(cancellation);
            if (native.Architecture == platform.Platform.Architecture)
                continue;
            await EngineProvisioner.EnsureEmulationAsync(platform.Platform.Architecture, build.TemporaryDirectory, build.Log, cancellation);
            build.Log.Information("{Platform} runs under QEMU on the engine at {Endpoint} ({Native})",
                platform.Platform, session.EngineFor(platform.Platform).Endpoint, native);
            foreign.Add(platform.Platform.ToString());
        }
        if (foreign.Count == 0)
        {
            build.Note("every platform is native to its engine");
            return;
        }
        build.Log.Information("docker buildx: {Buildx}", DescribeBuildx());
        build.Note($"QEMU ready for {string.Join(", ", foreign)}");
    }

    private static string DescribeBuildx()
    {
        var version = Docker("buildx", "version");
        if (version is null)
            return "not installed (not needed: Slipway builds through the engine API)";
        var builders = Docker("buildx", "ls")?.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(line => !line.StartsWith(' ') && !line.StartsWith('\\')).Select(line => line.Split(' ')[0]);
        return $"{version.Trim()}; builders: {string.Join(", ", builders ?? [])}";
    }

    private static string? Docker(params string[] arguments) => Tool.Capture(new ToolRun("docker", arguments));
}
