using System.Text.RegularExpressions;

namespace Slipway.Tool.Setup;

/// <summary>build/_build.csproj: the build project referencing the Slipway packages of the tool's own version.</summary>
internal static partial class BuildProjectText
{
    public static string For(string slipwayVersion) =>
        EmbeddedText.Read("templates/build-project.csproj.template").Replace("{{SlipwayVersion}}", slipwayVersion, StringComparison.Ordinal);

    /// <summary>Whether a build project was written by setup: it references the Slipway package.</summary>
    public static bool IsSlipwayBuild(string project) => SlipwayReference().IsMatch(project);

    /// <summary>The project with its Slipway and Slipway.Containers references moved to <paramref name="slipwayVersion"/>;
    /// everything else stays as the adopter left it.</summary>
    public static string WithVersion(string project, string slipwayVersion) =>
        SlipwayReference().Replace(project, match => match.Groups["head"].Value + slipwayVersion + match.Groups["tail"].Value);

    /// <summary>The Slipway version a project references, or null.</summary>
    public static string? VersionOf(string project) =>
        SlipwayReference().Match(project) is { Success: true } match ? match.Groups["version"].Value : null;

    [GeneratedRegex("""(?<head><PackageReference\s+Include="Slipway(?:\.Containers)?"\s+Version=")(?<version>[^"]*)(?<tail>")""")]
    private static partial Regex SlipwayReference();
}
