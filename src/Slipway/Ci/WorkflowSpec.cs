using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>One workflow after its attribute was checked against the build: its file, the targets its jobs run (as the
/// build names them), and the <c>env:</c> of the <c>./build.sh</c> steps.</summary>
internal sealed record WorkflowSpec(
    GitHubActionsAttribute Attribute,
    string File,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> MergeTargets,
    YamlMappingNode? Environment);
