namespace Slipway.Containers.Rehearsal;

/// <summary>What the jobs of one rehearsed workflow run share: the runner user, the origin they clone, the registry
/// standing in for ghcr.io, the artifact folders, the cache (shared
/// with the other workflows, as in one repository), and the values of the github and secrets contexts.</summary>
internal sealed record WorkflowRun(
    RehearsedWorkflow Workflow,
    RunnerAccount Account,
    string OriginUrl,
    string Sha,
    string Directory,
    string ScriptsDirectory,
    RehearsalRegistry Registry,
    ArtifactStore Artifacts,
    RehearsalCache Cache,
    string Repository,
    string ImageName,
    IReadOnlyDictionary<string, string> StepVariables,
    string? DockerHost)
{
    public const string Branch = "main";

    public string RunId { get; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Event => Workflow.Triggers.Contains("push") ? "push" : Workflow.Triggers.Contains("workflow_dispatch") ? "workflow_dispatch" : "pull_request";

    public IReadOnlyDictionary<string, string> GitHub => new Dictionary<string, string>
    {
        ["repository"] = Repository,
        ["repository_owner"] = Repository.Split('/')[0],
        ["ref"] = "refs/heads/" + Branch,
        ["ref_name"] = Branch,
        ["ref_type"] = "branch",
        ["sha"] = Sha,
        ["workflow"] = Workflow.Name,
        ["event_name"] = Event,
        ["actor"] = Account.Name,
        ["run_id"] = RunId,
        ["token"] = Registry.Password,
    };

    /// <summary>secrets.GITHUB_TOKEN is the local registry's password; any other secret the workflow names has a stand-in
    /// value (<see cref="RehearsalSecrets"/>).</summary>
    public IReadOnlyDictionary<string, string> Secrets => RehearsalSecrets.For(Workflow, Registry.Password);
}
