using Serilog;
using Slipway.Processes;
using Slipway.Containers.Provisioning;

namespace Slipway.Containers.Components;

/// <summary>SetupQemu's work: for every platform that its engine cannot run natively, make sure the kernel has a binfmt
/// handler (one registered already, e.g. by docker/setup-qemu-action, is only reported; a missing one is registered where
/// this machine allows: root or passwordless sudo), and say whether docker buildx is there (builds do not need it:
/// they go through the engine API).</summary>
internal sealed class QemuSetup(BuildInputs inputs, ContainerEngines engines, string temporaryDirectory, ILogger log)
{
    /// <summary>Returns the note for the summary.</summary>
    public async Task<string> RunAsync(CancellationToken cancellation)
    {
        var foreign = new List<string>();
        foreach (var platform in inputs.Platforms)
        {
            var engine = engines.For(platform.Platform);
            var native = await engine.GetPlatformAsync(cancellation);
            if (native.Architecture == platform.Platform.Architecture)
                continue;
            var emulation = await EngineProvisioner.EnsureEmulationAsync(platform.Platform.Architecture, temporaryDirectory, log, cancellation);
            log.Information("{Platform} runs under QEMU on the engine at {Endpoint} ({Native}): {Emulation}",
                platform.Platform, engine.Endpoint, native, emulation);
            foreign.Add(platform.Platform.ToString());
        }
        if (foreign.Count == 0)
            return "every platform is native to its engine";
        log.Information("docker buildx: {Buildx}", DescribeBuildx());
        return $"QEMU ready for {string.Join(", ", foreign)}";
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
