using Slipway;
using Slipway.Containers.Rehearsal;
using Slipway.Parameters;
using Slipway.Targets;

/// <summary>The rehearsal of the generated workflows: every job run here as a hosted runner would run it (README,
/// "What the workflow rehearsal shows").</summary>
public sealed partial class Build
{
    [Parameter("Workflows to rehearse, e.g. images app (default: every file under .github/workflows)")]
    readonly string[] RehearseWorkflowNames = [];

    [Parameter("The test filter the rehearsal of ci.yml gives its ./build.sh Test (the whole run would rehearse the workflows again inside itself)")]
    readonly string RehearsalTestFilter = "FullyQualifiedName~Slipway.Tests.Ci";

    [Parameter("Filter for dotnet test (e.g. FullyQualifiedName~Slipway.Tests.Ci)")]
    readonly string? TestFilter = null;

    Target RehearseWorkflows => _ => _
        .Description("Runs the jobs of the generated workflows on this machine as a hosted runner would: fresh clones, a non-root user with sudo, a local registry for ghcr.io")
        .Executes(async cancellation =>
        {
            if (EnvironmentVariables.GetValueOrDefault(RehearsalOptions.InsideRehearsalVariable) == "1")
            {
                Log.Information("Inside a rehearsed job: the workflows are not rehearsed again");
                Note("skipped inside a rehearsal");
                return;
            }
            if (TestFilter is { Length: > 0 })
            {
                Log.Information("--test-filter runs a subset of the tests: the rehearsal belongs to the whole run (./build.sh Test, or ./build.sh RehearseWorkflows alone)");
                Note("skipped: --test-filter");
                return;
            }
            var options = new RehearsalOptions(RootDirectory)
            {
                Workflows = RehearseWorkflowNames,
                StepVariables = new Dictionary<string, IReadOnlyDictionary<string, string>>
                {
                    ["ci.yml"] = new Dictionary<string, string> { ["TEST_FILTER"] = RehearsalTestFilter },
                },
            };
            var reports = await new WorkflowRehearsal(options, Log).RunAsync(cancellation);
            foreach (var report in reports)
                Log.Information("{Report}", report.ToString());
            Note(string.Join("; ", reports.Select(report => $"{report.Workflow}{(report.Round.Length > 0 ? " again" : "")} {report.Duration.TotalMinutes:0.0} min")));
        });
}
