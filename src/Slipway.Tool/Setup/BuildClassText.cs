using System.Text;
using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>build/Build.cs: the build class composed of the components the layout supports. Setup writes it once;
/// afterwards it is the adopter's to edit.</summary>
internal static class BuildClassText
{
    /// <summary>The component interfaces the build class implements (<see cref="BuildSchemaText"/> composes the same);
    /// IUp where the repository has a Compose file.</summary>
    public static IReadOnlyList<string> Components(DetectedLayout layout, bool hasComposeFile = false) =>
        [
            "IBuildAppImage", "IVerifyArch", "IPush",
            .. layout.TestStage is null ? Array.Empty<string>() : ["ITestApp"],
            .. hasComposeFile ? ["IUp"] : Array.Empty<string>(),
        ];

    public static string For(DetectedLayout layout, bool hasComposeFile = false)
    {
        var components = Components(layout, hasComposeFile);
        var text = new StringBuilder();
        text.Append("""
            using Slipway;
            using Slipway.Containers.Components;

            /// <summary>This repository's build, written by <c>slipway setup</c>: the builder image (rebuilt only when its
            """).Append('\n');
        text.Append(layout.Kind == LayoutKind.BuilderStage
            ? $"/// dependency hash changes, from the builder stage of {layout.BuilderDockerfile}) and the app image from it.\n"
            : $"/// dependency hash changes, from {layout.BuilderDockerfile}) and the app image from it ({layout.AppDockerfile}).\n");
        text.Append("""
            /// The parameters it detected are in .nuke/parameters.json; ./build.sh --help lists targets and parameters.</summary>
            """).Append('\n');
        text.Append($"public sealed class Build : SlipwayBuild, {string.Join(", ", components)}\n");
        text.Append("""
            {
                public static int Main(string[] args) => Execute<Build>(args, x => ((IBuildAppImage)x).BuildAppImage);
            }

            """);
        return text.ToString();
    }
}
