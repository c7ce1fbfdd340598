using Serilog;
using Slipway.Containers.Provisioning;

namespace Slipway.Containers.Rehearsal;

/// <summary>The <c>uses:</c> steps the generator emits, done on this machine: actions/checkout as a clone of the
/// rehearsal's origin, actions/cache as a cache of the workspace paths by key (<see cref="RehearsalCache"/>), upload/download-artifact as folder copies, docker/setup-qemu-action as
/// "register the binfmt handler with sudo if it is missing". Any other action fails the rehearsal naming the step, so
/// a step the generator starts to emit cannot pass unrehearsed.</summary>
internal sealed class StepActions(WorkflowRun run, ILogger log)
{
    public static readonly IReadOnlyList<string> Known =
        ["actions/checkout", "actions/cache", "actions/upload-artifact", "actions/download-artifact", "docker/setup-qemu-action"];

    /// <summary>Fails naming the first step of <paramref name="workflow"/> whose action the rehearsal cannot run, before
    /// any job has started.</summary>
    public static void CheckKnown(RehearsedWorkflow workflow)
    {
        foreach (var job in workflow.Jobs)
            foreach (var step in job.Steps.Where(step => step.Uses is not null && !Known.Contains(step.Action!)))
                throw Unknown(workflow.FileName, $"job {job.Id}, step '{step.Title}'", step.Uses!);
    }

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
                await RestoreCacheAsync(step, expressions, workspace, variables, cancellation);
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
                throw Unknown(run.Workflow.FileName, $"step '{title}'", step.Uses!);
        }
    }

    private static SlipwayException Unknown(string fileName, string step, string uses) =>
        new($"cannot rehearse {fileName}: {step} uses {uses}, which the rehearsal cannot run (it knows {string.Join(", ", Known)}); " +
            "teach the rehearsal what it does before the generator emits it");

    private readonly List<(string Key, IReadOnlyList<(int Index, string Path)> Paths, IReadOnlyList<string> Excluded)> _cachesToSave = [];

    /// <summary>actions/cache's restore (see <see cref="RehearsalCache"/>); without an exact hit the paths are saved
    /// when the job has succeeded (<see cref="SaveCaches"/>), as the action's post step does.</summary>
    private async Task RestoreCacheAsync(WorkflowStep step, WorkflowExpressions expressions, string workspace,
        IReadOnlyDictionary<string, string> variables, CancellationToken cancellation)
    {
        var key = expressions.Substitute(RehearsalCache.EvaluateHashFiles(step.With.GetValueOrDefault("key") ?? "", workspace));
        var restoreKeys = expressions.Substitute(step.With.GetValueOrDefault("restore-keys") ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var paths = RehearsalCache.WorkspacePaths(step.With.GetValueOrDefault("path") ?? "");
        var home = (step.With.GetValueOrDefault("path") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(path => path.StartsWith('~')).ToArray();
        if (home.Length > 0)
            log.Information("   actions/cache: {Paths} stay in {User}'s home from job to job (as if restored)", string.Join(", ", home), run.Account.Name);
        var found = run.Cache.Find(key, restoreKeys);
        if (found is { } entry)
        {
            foreach (var (index, path) in paths.Where(kept => Directory.Exists(Path.Combine(entry.Folder, kept.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
                await run.Account.RunCheckedAsync(["bash", "-c", "mkdir -p \"$2\" && cp -R --preserve=mode,timestamps \"$1/.\" \"$2/\"", "-",
                    Path.Combine(entry.Folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture)), path], workspace, variables, log, cancellation);
            log.Information("   actions/cache: restored {Paths} from the entry {Key} ({How})", string.Join(", ", paths.Select(path => path.Path)), entry.Key,
                entry.Key == key ? "exact hit" : "restore-keys");
            if (entry.Key == key)
                return;
        }
        else
            log.Information("   actions/cache: no entry for {Key}: nothing restored", key);
        if (paths.Count > 0)
            _cachesToSave.Add((key, paths, RehearsalCache.ExcludedPaths(step.With.GetValueOrDefault("path") ?? "")));
    }

    /// <summary>The post step of each actions/cache without an exact hit: saves its workspace paths under its key.</summary>
    public void SaveCaches(string workspace)
    {
        foreach (var (key, paths, excluded) in _cachesToSave)
        {
            var folder = run.Cache.FolderFor(key);
            if (Directory.Exists(folder))
                continue;
            Directory.CreateDirectory(folder);
            foreach (var (index, path) in paths.Where(kept => Directory.Exists(Path.Combine(workspace, kept.Path))))
                RehearsalCache.CopyAsRoot(workspace, path, Path.Combine(folder, index.ToString(System.Globalization.CultureInfo.InvariantCulture)), excluded);
            File.WriteAllText(Path.Combine(folder, "key"), key);
            log.Information("   actions/cache (post): saved {Paths} as {Key}{Excluded}", string.Join(", ", paths.Select(path => path.Path)), key,
                excluded.Count > 0 ? " (without " + string.Join(", ", excluded) + ")" : "");
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
