using Serilog;
using Slipway.Containers.Provisioning;

namespace Slipway.Containers.Rehearsal;

/// <summary>The <c>uses:</c> steps the generator emits, done on this machine: actions/checkout as a clone of the
/// rehearsal's origin, actions/cache as nothing, upload/download-artifact as folder copies, docker/setup-qemu-action as
/// "register the binfmt handler with sudo if it is missing". Any other action fails the rehearsal naming the step, so
/// a step the generator starts to emit cannot pass unrehearsed.</summary>
internal sealed class StepActions(WorkflowRun run, ILogger log)
{
    public static readonly IReadOnlyList<string> Known =
        ["actions/checkout", "actions/cache", "actions/upload-artifact", "actions/download-artifact", "docker/setup-qemu-action"];

    public async Task RunAsync(WorkflowStep step, string title, WorkflowExpressions expressions, string workspace,
        IReadOnlyDictionary<string, string> variables, List<string> lines, CancellationToken cancellation)
    {
        switch (step.Action)
        {
            case "actions/checkout":
                var depth = expressions.Substitute(step.With.GetValueOrDefault("fetch-depth") ?? "1");
                string[] clone = depth == "0"
                    ? ["git", "clone", "-q", "--branch", WorkflowRun.Branch, run.OriginUrl, "."]
                    : ["git", "clone", "-q", "--depth", depth, "--branch", WorkflowRun.Branch, run.OriginUrl, "."];
                await run.Account.RunCheckedAsync(clone, workspace, variables, log, cancellation);
                log.Information("   cloned {Sha} (depth {Depth}) into {Workspace}", run.Sha[..12], depth == "0" ? "full" : depth, workspace);
                return;
            case "actions/cache":
                log.Information("   actions/cache: nothing restored or saved in the rehearsal (the user's ~/.nuget stays between jobs, like a cache hit)");
                return;
            case "actions/upload-artifact":
                var with = expressions.Substitute(step.With);
                var count = run.Artifacts.Upload(with.GetValueOrDefault("name") ?? "", workspace, with);
                log.Information("   uploaded {Count} files as artifact {Name}", count, with.GetValueOrDefault("name"));
                return;
            case "actions/download-artifact":
                foreach (var (artifact, destination) in run.Artifacts.PlanDownload(expressions.Substitute(step.With)))
                {
                    await run.Account.RunCheckedAsync(["bash", "-c", "mkdir -p \"$2\" && cp -R \"$1/.\" \"$2/\"", "-", artifact, destination],
                        workspace, variables, log, cancellation);
                    log.Information("   downloaded artifact {Artifact} into {Destination}", Path.GetFileName(artifact), destination);
                }
                return;
            case "docker/setup-qemu-action":
                await SetUpQemuAsync(expressions.Substitute(step.With.GetValueOrDefault("platforms") ?? "all"), workspace, variables, cancellation);
                return;
            default:
                throw new SlipwayException(
                    $"{run.Workflow.FileName}: step '{title}' uses {step.Uses}, which the rehearsal cannot run (it knows {string.Join(", ", Known)}); " +
                    "teach the rehearsal what it does before the generator emits it");
        }
    }

    /// <summary>What the action leaves behind (a binfmt handler per platform), reached the way a hosted runner's user
    /// can: an enabled handler is left alone; a missing one is registered by provision/engine.sh as the runner user,
    /// which becomes root with sudo -n.</summary>
    private async Task SetUpQemuAsync(string platforms, string workspace, IReadOnlyDictionary<string, string> variables, CancellationToken cancellation)
    {
        var native = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "amd64";
        var wanted = platforms == "all"
            ? [native == "arm64" ? "amd64" : "arm64"]
            : platforms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split('/').Last() is "v8" ? "arm64" : p.Split('/')[^1]).ToArray();
        foreach (var architecture in wanted.Where(architecture => architecture != native))
        {
            var handler = BinfmtHandler.For(architecture);
            if (handler.IsEnabled)
            {
                log.Information("   setup-qemu-action: {Handler} is registered already ({Interpreter}): nothing to do", handler.Name, handler.Interpreter);
                continue;
            }
            log.Information("   setup-qemu-action: {Handler} is missing: registering it as {User} with sudo (provision/engine.sh)", handler.Name, run.Account.Name);
            var script = ProvisioningScript.ExtractAll(run.ScriptsDirectory, "engine.sh");
            await run.Account.RunCheckedAsync(["bash", script], workspace, variables, log, cancellation);
            if (!handler.IsEnabled)
                throw new SlipwayException($"setup-qemu-action: {handler.Path} is still not enabled");
        }
    }
}
