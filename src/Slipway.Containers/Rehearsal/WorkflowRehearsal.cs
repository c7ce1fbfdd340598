using System.Diagnostics;
using Serilog;
using Slipway.Processes;

namespace Slipway.Containers.Rehearsal;

/// <summary>Runs the repository's generated workflows on this machine the way GitHub-hosted runners would run them
/// (see <see cref="JobRunner"/> and <see cref="StepActions"/>), against a local registry standing in for ghcr.io. A
/// workflow that pushes is read back with skopeo and, when asked, rehearsed a second time from nothing but the registry.</summary>
public sealed class WorkflowRehearsal(RehearsalOptions options, ILogger log)
{
    public async Task<IReadOnlyList<RehearsalReport>> RunAsync(CancellationToken cancellation)
    {
        var files = WorkflowFiles();
        var workflows = new List<RehearsedWorkflow>();
        foreach (var file in files)
        {
            var workflow = WorkflowReader.Read(Path.GetFileName(file), await File.ReadAllTextAsync(file, cancellation));
            StepActions.CheckKnown(workflow);
            workflows.Add(workflow);
        }
        // The folder belongs to the runner user, who makes the jobs' folders in it; "shared" stays the rehearsal's own
        // (scripts, artifacts, the registry's storage), readable by the user.
        var directory = Directory.CreateTempSubdirectory("slipway-rehearsal-").FullName;
        var shared = Path.Combine(directory, "shared");
        var scripts = Path.Combine(shared, "scripts");
        Directory.CreateDirectory(scripts);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var id = Path.GetFileName(directory).Split('-').Last().ToLowerInvariant();
        var account = await RunnerAccount.EnsureAsync(options.RunnerUser, Path.Combine(shared, "provision"), log, cancellation);
        var sha = Git("rev-parse", "HEAD") ?? throw new SlipwayException($"{options.RootDirectory} is not a git repository with a commit");
        if (Git("status", "--porcelain", "--untracked-files=no") is { Length: > 0 })
            log.Warning("The working tree has uncommitted changes: the rehearsal clones the committed HEAD {Sha}, without them", sha[..12]);
        var origin = Path.Combine(directory, "origin.git");
        Run("git", "clone", "-q", "--bare", "--no-local", options.RootDirectory, origin);
        Run("git", "-C", origin, "update-ref", "refs/heads/" + WorkflowRun.Branch, sha);
        AsRoot("chown", "-R", account.Name, origin);
        AsRoot("chown", account.Name, directory);
        var imageName = $"slipway-rehearsal/voice-{id}";
        var cache = new RehearsalCache(Path.Combine(shared, "cache"));
        var reports = new List<RehearsalReport>();
        await using var registry = await RehearsalRegistry.StartAsync(Path.Combine(shared, "registry"), account.Name, cancellation);
        log.Information("Rehearsing {Files} as {User} from {Sha}; registry {Registry} stands in for ghcr.io; local image name {ImageName}",
            string.Join(", ", files.Select(Path.GetFileName)), account.Name, sha[..12], registry.Address, imageName);
        try
        {
            foreach (var (file, workflow) in files.Zip(workflows))
            {
                WorkflowRun Run(string round) => new(workflow, account, "file://" + origin, sha, Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(file)}{round}"),
                    scripts, registry, new ArtifactStore(Path.Combine(shared, $"artifacts-{Path.GetFileNameWithoutExtension(file)}{round}")), cache,
                    options.Repository, imageName, options.StepVariables.GetValueOrDefault(workflow.FileName) ?? new Dictionary<string, string>(),
                    Environment.GetEnvironmentVariable("DOCKER_HOST"));
                var first = await RehearseAsync(Run(""), "", cancellation);
                reports.Add(first.Report);
                if (!Pushes(workflow))
                    continue;
                var platforms = workflow.Jobs.SelectMany(job => job.Matrix).Select(entry => entry.GetValueOrDefault("platform")).OfType<string>().Distinct().ToArray();
                reports[^1] = first.Report with { Findings = [.. first.Report.Findings, PushedIndexCheck.Verify(registry, options.Repository, platforms)] };
                if (!options.RepeatPushingWorkflows)
                    continue;
                var pruned = BuilderCachePruner.Prune(imageName, $"{registry.Address}/{options.Repository.ToLowerInvariant()}",
                    options.RootDirectory / "docker" / "builder.Dockerfile", log);
                var second = await RehearseAsync(Run("-again"), "second, builder removed", cancellation);
                var pulled = second.Lines.Count(line => line.Contains("is in the registry: pulled instead of rebuilt", StringComparison.Ordinal));
                var rebuilt = BuilderBuilds(second.Lines);
                if (pulled < platforms.Length || rebuilt.Length > 0)
                    throw new SlipwayException($"the second rehearsal of {workflow.FileName} pulled {pulled} builder images for {platforms.Length} platforms" +
                                               (rebuilt.Length > 0 ? " and rebuilt: " + rebuilt[0].Trim() : ""));
                reports.Add(second.Report with { Findings = [pruned, $"pulled the builder by its deps-<hash> tag for {pulled} platforms, built none",
                    PushedIndexCheck.Verify(registry, options.Repository, platforms)] });
            }
        }
        finally
        {
            RemoveImages(imageName, registry.Address);
        }
        AsRoot("rm", "-rf", directory);
        return reports;
    }

    private async Task<(RehearsalReport Report, IReadOnlyList<string> Lines)> RehearseAsync(WorkflowRun run, string round, CancellationToken cancellation)
    {
        log.Information("═══ rehearsing {Workflow} ({File}) as a {Event} to {Branch}{Round}", run.Workflow.Name, run.Workflow.FileName, run.Event,
            WorkflowRun.Branch, round.Length > 0 ? ", " + round : "");
        Directory.CreateDirectory(run.Artifacts.Directory);
        if (RehearsalSecrets.StandInNames(run.Workflow) is { Count: > 0 } standIns)
            log.Information("No repository secret exists here: {Secrets} get stand-in values (rehearsal-stand-in-<NAME>)",
                string.Join(", ", standIns.Select(name => $"secrets.{name}")));
        var clock = Stopwatch.StartNew();
        var lines = new List<string>();
        var jobs = RehearsalJob.Expand(run.Workflow);
        var runner = new JobRunner(run, log);
        var names = new List<string>();
        foreach (var (job, index) in jobs.Select((job, index) => (job, index)))
        {
            // Every hosted job starts on an engine of its own: nothing of an earlier job's images is there.
            RemoveImages(run.ImageName, run.Registry.Address);
            lines.AddRange(await runner.RunAsync(job, index, cancellation));
            names.Add(job.Matrix.Count == 0 ? job.Job.Id : $"{job.Job.Id}[{string.Join(",", job.Matrix.GetValueOrDefault("platform") ?? job.Matrix.Values.First())}]");
        }
        log.Information("═══ {Workflow}{Round} rehearsed in {Minutes:0.0} min", run.Workflow.FileName, round.Length > 0 ? " (" + round + ")" : "", clock.Elapsed.TotalMinutes);
        return (new RehearsalReport(run.Workflow.FileName, round, clock.Elapsed, names, []), lines);
    }

    /// <summary>The log lines of builder builds (<c>linux/amd64: building voice-builder:deps-…</c>); an app build's
    /// line names the builder too, after FROM, and is not one.</summary>
    internal static string[] BuilderBuilds(IEnumerable<string> lines) =>
        lines.Where(line => line.Contains(": building ", StringComparison.Ordinal) && line.Contains("-builder:deps-", StringComparison.Ordinal)
                            && !line.Contains(" FROM ", StringComparison.Ordinal)).ToArray();

    private static bool Pushes(RehearsedWorkflow workflow) =>
        workflow.Jobs.SelectMany(job => job.Steps).Any(step => step.Environment.Values.Any(value => value.StartsWith("ghcr.io/", StringComparison.Ordinal)))
        && workflow.Jobs.Any(job => job.Matrix.Count > 1);

    private string[] WorkflowFiles()
    {
        var folder = options.RootDirectory / ".github" / "workflows";
        var all = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.yml").Order(StringComparer.Ordinal).ToArray() : [];
        if (options.Workflows.Count == 0)
            return all.Length > 0 ? all : throw new SlipwayException($"no workflow files under {folder}");
        return options.Workflows.Select(name => all.FirstOrDefault(file => Path.GetFileNameWithoutExtension(file) == Path.GetFileNameWithoutExtension(name))
            ?? throw new SlipwayException($"no workflow {name} under {folder} (there are: {string.Join(", ", all.Select(Path.GetFileNameWithoutExtension))})")).ToArray();
    }

    private void RemoveImages(string imageName, string registryAddress)
    {
        var tags = Tool.Capture(new ToolRun("docker", ["images", "--format", "{{.Repository}}:{{.Tag}}"]))?.Split('\n') ?? [];
        foreach (var tag in tags.Where(tag => tag.StartsWith(imageName, StringComparison.Ordinal) || tag.StartsWith(registryAddress + "/", StringComparison.Ordinal)))
            Tool.Capture(new ToolRun("docker", ["rmi", "--force", tag]), TimeSpan.FromMinutes(1));
        log.Information("Removed the rehearsal's images ({ImageName}*, {Registry}/*) from the engine", imageName, registryAddress);
    }

    private string? Git(params string[] arguments) => Tool.Capture(new ToolRun("git", ["-C", options.RootDirectory, .. arguments]));

    private static void Run(params string[] command)
    {
        if (Tool.Capture(new ToolRun(command[0], command[1..]), TimeSpan.FromMinutes(2)) is null)
            throw new SlipwayException($"{string.Join(' ', command)} failed");
    }

    private static void AsRoot(params string[] command) =>
        Run(Environment.IsPrivilegedProcess ? command : ["sudo", "-n", .. command]);
}
