using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Adoption;

/// <summary>Removes the images a test's builds tagged: every repository:tag in the engine that starts with its name.</summary>
internal static class EngineImages
{
    public static void Remove(string image)
    {
        var listed = Run.Program("/", "docker", ["images", "--format", "{{.Repository}}:{{.Tag}}"]);
        var ours = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(name => name.StartsWith(image, StringComparison.Ordinal)).ToArray();
        if (ours.Length > 0)
            Run.Program("/", "docker", ["rmi", "--force", .. ours]);
    }
}
