using Slipway.Containers.Components;
using Slipway.Paths;
using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>The build-argument contract the builds will check, checked by setup on the layout it detected, so a
/// Dockerfile the first build would refuse (a literal FROM, a builder stage without a name) is named right away.</summary>
internal static class DockerfileCheck
{
    /// <summary>The one line the build would fail with, or null when the Dockerfiles meet the contract.</summary>
    public static string? ProblemOf(string root, DetectedLayout layout)
    {
        var rootPath = AbsolutePath.From(root);
        try
        {
            DockerfileContractReader.Read(rootPath, rootPath / layout.BuilderDockerfile, rootPath / layout.AppDockerfile,
                new DockerfileContractReader.Names(layout.BuilderTarget, null, null, null));
            return null;
        }
        catch (SlipwayException problem)
        {
            return problem.Message;
        }
    }
}
