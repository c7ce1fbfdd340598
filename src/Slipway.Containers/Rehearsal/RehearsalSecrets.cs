using System.Text.RegularExpressions;

namespace Slipway.Containers.Rehearsal;

/// <summary>The <c>secrets</c> context of a rehearsed workflow: <c>GITHUB_TOKEN</c> is the local registry's password,
/// and every other secret the workflow names (a build secret's repository secret, say) is the stand-in text
/// <c>rehearsal-stand-in-&lt;NAME&gt;</c>, as no repository secret exists here. A step that needs the real value (a
/// private package index) fails in the rehearsal; the expression itself is rehearsed.</summary>
internal static partial class RehearsalSecrets
{
    public const string GitHubToken = "GITHUB_TOKEN";

    public static IReadOnlyDictionary<string, string> For(RehearsedWorkflow workflow, string gitHubToken)
    {
        var secrets = StandInNames(workflow).ToDictionary(name => name, StandIn);
        secrets[GitHubToken] = gitHubToken;
        return secrets;
    }

    /// <summary>The secrets <paramref name="workflow"/> names other than <c>GITHUB_TOKEN</c>, in the order first named.</summary>
    public static IReadOnlyList<string> StandInNames(RehearsedWorkflow workflow) =>
        Texts(workflow).SelectMany(text => Reference().Matches(text)).Select(match => match.Groups[1].Value)
            .Where(name => name != GitHubToken).Distinct().ToArray();

    public static string StandIn(string name) => "rehearsal-stand-in-" + name;

    private static IEnumerable<string> Texts(RehearsedWorkflow workflow) =>
        workflow.Jobs.SelectMany(job => new[] { job.Name ?? "", job.RunsOn }
            .Concat(job.Environment.Values)
            .Concat(job.Matrix.SelectMany(entry => entry.Values))
            .Concat(job.Steps.SelectMany(step => new[] { step.Name ?? "", step.Uses ?? "", step.Run ?? "" }
                .Concat(step.With.Values).Concat(step.Environment.Values))));

    [GeneratedRegex(@"\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}")]
    private static partial Regex Reference();
}
