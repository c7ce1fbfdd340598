using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Serilog;

namespace Slipway.Containers.Rehearsal;

/// <summary>Runs one job the way a hosted runner would: a fresh workspace, GitHub's variables plus the job's and step's
/// <c>env</c>, each <c>run:</c> step as <c>bash --noprofile --norc -eo pipefail</c> as the runner user, and the
/// actions the generator emits done locally (<see cref="StepActions"/>). Returns every output line, for the checks after it.</summary>
internal sealed class JobRunner(WorkflowRun run, ILogger log)
{
    private static readonly FrozenSet<string> KnownRunners = new[] { "ubuntu-24.04", "ubuntu-24.04-arm", "ubuntu-latest", "ubuntu-22.04" }.ToFrozenSet();

    public async Task<IReadOnlyList<string>> RunAsync(RehearsalJob job, int index, CancellationToken cancellation)
    {
        var expressions = Expressions(job);
        var name = job.DisplayName(expressions);
        var runsOn = expressions.Substitute(job.Job.RunsOn);
        if (!KnownRunners.Contains(runsOn))
            throw new SlipwayException($"{run.Workflow.FileName}, job {name}: runs-on '{runsOn}' is no GitHub-hosted runner the rehearsal knows");
        log.Information("── job {Job} (runs-on {RunsOn}; here: {Machine} as {User})", name, runsOn,
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), run.Account.Name);
        var jobDirectory = Path.Combine(run.Directory, $"job{index}-{job.Job.Id}");
        var workspace = Path.Combine(jobDirectory, "work", run.Repository.Split('/')[1]);
        var temp = Path.Combine(jobDirectory, "temp");
        var variables = Variables(job, runsOn, workspace, temp);
        await run.Account.RunCheckedAsync(["bash", "-c", "rm -rf \"$1\" && mkdir -p \"$4\" \"$2\" \"$3\" && touch \"$3/summary.md\" \"$3/env\" \"$3/output\"", "-", jobDirectory, workspace, temp, run.Directory],
            Path.GetDirectoryName(run.Directory)!, variables, log, cancellation);
        var lines = new List<string>();
        var actions = new StepActions(run, log);
        foreach (var (step, number) in job.Job.Steps.Select((step, number) => (step, number + 1)))
        {
            var title = expressions.Substitute(step.Title);
            var started = DateTime.UtcNow;
            log.Information("── step {Number}: {Step}", number, title);
            if (step.Uses is not null)
                await actions.RunAsync(step, title, expressions, workspace, variables, lines, cancellation);
            else if (step.Run is not null)
                await RunScriptAsync(expressions.Substitute(step.Run), workspace,
                    Merge(variables, StepVariables(expressions.Substitute(step.Environment))), title, name, lines, cancellation);
            log.Information("   {Step}: done in {Seconds:0.0} s", title, (DateTime.UtcNow - started).TotalSeconds);
        }
        actions.SaveCaches(workspace);
        return lines;
    }

    private WorkflowExpressions Expressions(RehearsalJob job) => new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["matrix"] = job.Matrix,
        ["secrets"] = run.Secrets,
        ["github"] = run.GitHub,
        ["runner"] = new Dictionary<string, string> { ["os"] = "Linux", ["arch"] = RunnerArch, ["temp"] = "" },
    });

    private static string RunnerArch => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "ARM64" : "X64";

    /// <summary>GitHub's default variables, then the job's env; the rehearsal's own substitutions come last.</summary>
    private Dictionary<string, string> Variables(RehearsalJob job, string runsOn, string workspace, string temp)
    {
        var home = run.Account.Home;
        var github = run.GitHub;
        var variables = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["USER"] = run.Account.Name,
            ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            ["LANG"] = "C.UTF-8",
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_WORKFLOW"] = run.Workflow.Name,
            ["GITHUB_JOB"] = job.Job.Id,
            ["GITHUB_RUN_ID"] = run.RunId,
            ["GITHUB_RUN_NUMBER"] = "1",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_REPOSITORY"] = github["repository"],
            ["GITHUB_REPOSITORY_OWNER"] = github["repository_owner"],
            ["GITHUB_ACTOR"] = github["actor"],
            ["GITHUB_SHA"] = github["sha"],
            ["GITHUB_REF"] = github["ref"],
            ["GITHUB_REF_NAME"] = github["ref_name"],
            ["GITHUB_REF_TYPE"] = github["ref_type"],
            ["GITHUB_EVENT_NAME"] = github["event_name"],
            ["GITHUB_WORKSPACE"] = workspace,
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(temp, "summary.md"),
            ["GITHUB_ENV"] = Path.Combine(temp, "env"),
            ["GITHUB_OUTPUT"] = Path.Combine(temp, "output"),
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = RunnerArch,
            ["RUNNER_TEMP"] = temp,
            ["RUNNER_NAME"] = "rehearsal " + runsOn,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            // Not on a hosted runner, whose machine goes after the job: here what the SDK leaves in the temporary
            // directory (dotnet/sdk#35353) goes with the rehearsal's folder, and no MSBuild node outlives the job
            // holding a TMPDIR that is gone.
            ["TMPDIR"] = temp,
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        if (run.DockerHost is { Length: > 0 } host)
            variables["DOCKER_HOST"] = host;
        foreach (var (key, value) in Expressions(job).Substitute(job.Job.Environment))
            variables[key] = value;
        return variables;
    }

    /// <summary>The step's env with the rehearsal's stand-ins: a registry on ghcr.io becomes the local registry, with its
    /// user and password spelt out (ghcr.io takes GITHUB_TOKEN itself; a local registry needs them named); a local image
    /// name of the rehearsal's own so that nothing on this shared engine is overwritten; the marker that stops a
    /// rehearsal inside a rehearsal; and the variables the options add for this workflow.</summary>
    private Dictionary<string, string> StepVariables(IReadOnlyDictionary<string, string> environment)
    {
        var variables = new Dictionary<string, string>(environment);
        foreach (var (key, value) in environment.Where(pair => pair.Value.StartsWith("ghcr.io/", StringComparison.Ordinal)))
        {
            variables[key] = run.Registry.Address + value["ghcr.io".Length..];
            variables["REGISTRY_USERNAME"] = run.Registry.Username;
            variables["REGISTRY_PASSWORD"] = environment.GetValueOrDefault("GITHUB_TOKEN") ?? run.Registry.Password;
        }
        variables["IMAGE_NAME"] = run.ImageName;
        variables[RehearsalOptions.InsideRehearsalVariable] = "1";
        foreach (var (key, value) in run.StepVariables)
            variables[key] = value;
        return variables;
    }

    private async Task RunScriptAsync(string script, string workspace, IReadOnlyDictionary<string, string> variables, string title,
        string job, List<string> lines, CancellationToken cancellation)
    {
        var file = Path.Combine(run.ScriptsDirectory, $"{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(file, script + "\n", cancellation);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var exitCode = await run.Account.RunAsync(["bash", "--noprofile", "--norc", "-eo", "pipefail", file], workspace, variables, line =>
        {
            lock (lines)
                lines.Add(line);
            log.Information("   | {Line}", line);
        }, cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"{run.Workflow.FileName}, job {job}, step '{title}' exited with code {exitCode}");
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
    {
        var merged = new Dictionary<string, string>(first);
        foreach (var (key, value) in second)
            merged[key] = value;
        return merged;
    }
}
