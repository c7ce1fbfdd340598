using Slipway.Ci;
using Slipway.Containers.Components;

namespace Slipway.Containers.Ci;

/// <summary>A <see cref="GitHubActionsAttribute"/> whose jobs build images for <see cref="Platforms"/>: in the
/// <see cref="MultiArchShape.Qemu"/> shape one job registers QEMU for the platforms foreign to its runner
/// (<see cref="QemuStep"/>) and runs <c>./build.sh &lt;targets&gt; --platforms …</c>; in the
/// <see cref="MultiArchShape.NativeRunners"/> shape a matrix builds each platform on its own runner and pushes it by
/// digest, and a <c>merge</c> job downloads the digests and runs <see cref="MergeTargets"/>. The jobs that build images
/// get the repository secrets named in <see cref="BuildSecrets"/> as build secrets. Everything else (triggers, path
/// filters, parameters, secrets, cache) is the base attribute's. Without <see cref="Platforms"/> it is one job, the
/// runner's own platform: the shape for a workflow that builds only the builder with build secrets.</summary>
/// <example><code>
/// [GitHubActionsImages("images", GitHubActionsImage.Ubuntu2404, OnPushBranches = ["main"],
///     InvokedTargets = [nameof(IPush.Push)], Platforms = ["linux/amd64", "linux/arm64"], MultiArch = MultiArchShape.NativeRunners)]
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class GitHubActionsImagesAttribute(string name, GitHubActionsImage image) : GitHubActionsAttribute(name, image)
{
    public const string PlatformsOption = "--platforms";
    public const string PushByDigestOption = "--push-by-digest";

    /// <summary>Platforms to build (<c>--platforms</c>); empty builds the runner's own platform.</summary>
    public string[] Platforms { get; set; } = [];

    /// <summary>How <see cref="Platforms"/> are built: on one runner with QEMU, or on native runners and merged.</summary>
    public MultiArchShape MultiArch { get; set; } = MultiArchShape.Qemu;

    /// <summary>Runners of the <see cref="MultiArchShape.NativeRunners"/> matrix other than the defaults
    /// (<c>linux/amd64=ubuntu-24.04</c>, <c>linux/arm64=ubuntu-24.04-arm</c>), as <c>platform=runner-label</c>.</summary>
    public string[] PlatformRunners { get; set; } = [];

    /// <summary>What the merge job of the <see cref="MultiArchShape.NativeRunners"/> shape runs once every platform was pushed.</summary>
    public string[] MergeTargets { get; set; } = [nameof(IPush.PushIndex)];

    /// <summary>Repository secrets the image builds read as build secrets (<c>RUN --mount=type=secret,id=&lt;id&gt;</c>),
    /// as <c>id=SECRET</c>: <c>"pip=PIP_INDEX_TOKEN"</c> gives the step that runs the build
    /// <c>PIP_INDEX_TOKEN: ${{ secrets.PIP_INDEX_TOKEN }}</c> and <c>BUILD_SECRETS: id=pip,env=PIP_INDEX_TOKEN</c>, in
    /// every job that builds images (the one job, or each job of the native-runner matrix; not the merge job, which
    /// builds nothing). The YAML holds only the secret's name. The build needs the BuildSecrets parameter
    /// (<see cref="IHazBuildSecrets"/>, which <see cref="IRestore"/> includes).</summary>
    public string[] BuildSecrets { get; set; } = [];

    public override IEnumerable<WorkflowJob> CreateJobs(WorkflowContext workflow)
    {
        var secrets = BuildSecretsEnvironment.For(BuildSecrets, workflow);
        if (MultiArch == MultiArchShape.Qemu)
            return [OneRunner(workflow, secrets)];
        if (Platforms.Length == 0)
            throw new SlipwayException($"workflow '{workflow.Name}' builds on native runners but names no platform: set Platforms");
        var merge = workflow.ResolveTargets(MergeTargets, nameof(MergeTargets));
        if (merge.Count == 0)
            throw new SlipwayException($"workflow '{workflow.Name}' builds on native runners but merges nothing: set MergeTargets");
        return [Matrix(workflow, secrets), Merge(workflow, merge)];
    }

    private WorkflowJob OneRunner(WorkflowContext workflow, IReadOnlyList<WorkflowVariable> secrets)
    {
        var targets = workflow.InvokedTargets;
        var options = Platforms.Length == 0 ? [] : new[] { PlatformsOption }.Concat(Platforms);
        var build = workflow.RunBuild(targets, options, secrets);
        WorkflowStep[] steps = QemuStep.For(Image, Platforms) is { } qemu ? [qemu, build] : [build];
        return new WorkflowJob("build", string.Join(", ", targets), RunnerLabel.Of(Image), steps);
    }

    private WorkflowJob Matrix(WorkflowContext workflow, IReadOnlyList<WorkflowVariable> secrets)
    {
        var targets = workflow.InvokedTargets;
        var rows = Platforms.Select(platform => (IReadOnlyList<(string, string)>)
        [
            ("platform", platform),
            ("runner", NativeRunners.For(platform, PlatformRunners, workflow.Name)),
            ("artifact", DigestArtifacts.NameOf(platform)),
        ]).ToArray();
        string[] options = [PlatformsOption, "${{ matrix.platform }}", PushByDigestOption];
        return new WorkflowJob("build", $"{string.Join(", ", targets)} (${{{{ matrix.platform }}}})", "${{ matrix.runner }}",
            [workflow.RunBuild(targets, options, secrets), DigestArtifacts.Upload(workflow)])
        {
            Matrix = new WorkflowMatrix(rows),
            UncachedPaths = [DigestArtifacts.FolderIn(workflow)],
        };
    }

    private WorkflowJob Merge(WorkflowContext workflow, IReadOnlyList<string> merge) =>
        new("merge", string.Join(", ", merge), RunnerLabel.Of(Image),
            [DigestArtifacts.Download(workflow), workflow.RunBuild(merge, new[] { PlatformsOption }.Concat(Platforms))])
        {
            Needs = "build",
            UncachedPaths = [DigestArtifacts.FolderIn(workflow)],
        };
}
