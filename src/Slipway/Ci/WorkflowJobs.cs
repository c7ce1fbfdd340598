using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>The <c>jobs:</c> of a workflow in its shape: one job (the runner's platform, or every platform with QEMU), or
/// a matrix of native runners that push by digest followed by a merge job (Docker's "distribute build across multiple
/// runners" recipe, driven by the build's own targets).</summary>
internal static class WorkflowJobs
{
    public const string PushByDigestOption = "--push-by-digest";
    public const string PlatformsOption = "--platforms";

    public static YamlMappingNode For(WorkflowSpec spec)
    {
        var attribute = spec.Attribute;
        if (attribute.MultiArch == MultiArchShape.Qemu)
            return Yaml.Map(("build", Single(spec)));
        return Yaml.Map(("build", Matrix(spec)), ("merge", Merge(spec)));
    }

    private static YamlMappingNode Single(WorkflowSpec spec)
    {
        var attribute = spec.Attribute;
        var options = attribute.Platforms.Length == 0 ? [] : new[] { PlatformsOption }.Concat(attribute.Platforms);
        return Job(spec, string.Join(", ", spec.Targets), RunnerLabels.Of(attribute.Image), needs: null, strategy: null,
            [WorkflowSteps.Build(spec.Targets, options, spec.Environment)]);
    }

    private static YamlMappingNode Matrix(WorkflowSpec spec)
    {
        var attribute = spec.Attribute;
        var include = attribute.Platforms.Select(platform => (YamlNode)Yaml.Map(
            ("platform", Yaml.Text(platform)),
            ("runner", Yaml.Text(RunnerLabels.NativeFor(platform, attribute.PlatformRunners, attribute.Name))),
            ("artifact", Yaml.Text(WorkflowSteps.DigestsArtifactPrefix + platform.Replace('/', '-')))));
        var strategy = Yaml.Map(("fail-fast", Yaml.Flag(false)), ("matrix", Yaml.Map(("include", Yaml.List(include)))));
        string[] options = [PlatformsOption, "${{ matrix.platform }}", PushByDigestOption];
        return Job(spec, $"{string.Join(", ", spec.Targets)} (${{{{ matrix.platform }}}})", "${{ matrix.runner }}", needs: null, strategy,
            [WorkflowSteps.Build(spec.Targets, options, spec.Environment), WorkflowSteps.UploadDigests()]);
    }

    private static YamlMappingNode Merge(WorkflowSpec spec)
    {
        var attribute = spec.Attribute;
        var options = new[] { PlatformsOption }.Concat(attribute.Platforms);
        return Job(spec, string.Join(", ", spec.MergeTargets), RunnerLabels.Of(attribute.Image), needs: "build", strategy: null,
            [WorkflowSteps.DownloadDigests(), WorkflowSteps.Build(spec.MergeTargets, options, spec.Environment)]);
    }

    private static YamlMappingNode Job(
        WorkflowSpec spec, string name, string runner, string? needs, YamlMappingNode? strategy, IEnumerable<YamlNode> steps)
    {
        var attribute = spec.Attribute;
        var allSteps = new List<YamlNode> { WorkflowSteps.Checkout(attribute.FetchDepth) };
        if (WorkflowSteps.Cache(attribute, carriesDigests: attribute.MultiArch == MultiArchShape.NativeRunners) is { } cache)
            allSteps.Add(cache);
        allSteps.AddRange(steps);
        return Yaml.Map(
            ("name", Yaml.Text(name)),
            ("needs", needs is null ? null : Yaml.Text(needs)),
            ("runs-on", Yaml.Text(runner)),
            ("timeout-minutes", attribute.TimeoutMinutes > 0 ? Yaml.Number(attribute.TimeoutMinutes) : null),
            ("strategy", strategy),
            ("steps", Yaml.List(allSteps)));
    }
}
