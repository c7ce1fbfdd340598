using Slipway.Tool.Tests.Packages;
using Slipway.Tool.Tests.Shapes;
using Slipway.Tool.Tests.Support;
using Xunit.Abstractions;

namespace Slipway.Tool.Tests.Adoption;

/// <summary>Issue 20's table: for each shape, a temp git repository with the Dockerfiles it already has, the tool
/// installed from the folder feed, <c>slipway setup</c> with no options and no terminal, then <c>./build.sh
/// BuildAppImage</c> with zero edits: the second run fully up to date and <c>git status</c> clean, a code edit rebuilds
/// the app alone, a dependency edit rebuilds the builder and names the file, and the app image runs. Needs the engine,
/// QEMU and the stand-in bases under their official names (ProvisionTestMachine).</summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Adoption")]
public sealed class ShapeTableTests(PackageFeed feed, CompiledBuilds compiledBuilds, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(DockerfileShapes.Rows), MemberType = typeof(DockerfileShapes))]
    public void A_repository_adopts_slipway_with_zero_edits_and_rebuilds_only_what_changed(string name)
    {
        var shape = DockerfileShapes.Named(name);
        var repositoryName = $"slipway-shape-{name}-{Guid.NewGuid().ToString("N")[..6]}";
        using var adopter = new AdopterRepository(feed.Feed, feed.Version, repositoryName, compiledBuilds);
        shape.Write(adopter.Repository);
        adopter.Repository.Commit("the service as it is");
        var image = $"ghcr.io/acme/{repositoryName}";
        try
        {
            adopter.InstallTool();
            var setup = adopter.Setup().Succeeded("slipway setup");
            Assert.DoesNotContain("warning:", setup.Output);
            adopter.Repository.Commit("slipway setup");

            var first = adopter.Build("BuildAppImage").Succeeded("first BuildAppImage");
            var second = adopter.Build("BuildAppImage").Succeeded("second BuildAppImage");
            Assert.Equal("Up to date", TargetStatus.Of(second.Output, "BuildBuilderImage"));
            Assert.Equal("Up to date", TargetStatus.Of(second.Output, "BuildAppImage"));
            Assert.Equal("", Run.Git(adopter.Root, "status", "--porcelain").Output);

            File.AppendAllText(Path.Combine(adopter.Root, shape.CodeFile), "# a code edit\n");
            var codeEdit = adopter.Build("BuildAppImage").Succeeded("BuildAppImage after a code edit");
            Assert.Equal("Up to date", TargetStatus.Of(codeEdit.Output, "BuildBuilderImage"));
            Assert.Equal("Succeeded", TargetStatus.Of(codeEdit.Output, "BuildAppImage"));

            File.AppendAllText(Path.Combine(adopter.Root, shape.ManifestFile), "# a dependency edit\n");
            var dependencyEdit = adopter.Build("BuildAppImage").Succeeded("BuildAppImage after a dependency edit");
            Assert.Equal("Succeeded", TargetStatus.Of(dependencyEdit.Output, "BuildBuilderImage"));
            Assert.Contains(Path.GetRelativePath(shape.BuildContext, shape.ManifestFile), dependencyEdit.Output);

            var probe = Run.Program(adopter.Root, "docker", ["run", "--rm", "--network", "none", .. Platform(shape), AppImage(image), .. shape.Probe])
                .Succeeded("the app image's command");
            Assert.Contains(DockerfileShape.Greeting, probe.Output);
            var changed = Run.Git(adopter.Root, "status", "--porcelain").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
            Assert.Equal(new[] { " M " + shape.CodeFile, " M " + shape.ManifestFile }.Order(StringComparer.Ordinal), changed);
            output.WriteLine($"{name}: setup {setup.Duration.TotalSeconds:0.0} s, first build {first.Duration.TotalSeconds:0} s" +
                $"{(adopter.StartedFromKeptBuild ? " (build project compiled earlier from the same sources)" : "")}, up to date {second.Duration.TotalSeconds:0.0} s, " +
                $"code edit {codeEdit.Duration.TotalSeconds:0} s, dependency edit {dependencyEdit.Duration.TotalSeconds:0} s");
        }
        finally
        {
            EngineImages.Remove(image);
        }
    }

    private static string[] Platform(DockerfileShape shape) => shape.Platform is null ? [] : ["--platform", shape.Platform];

    /// <summary>The newest app image the builds tagged (not the builder's <c>-builder</c> repository).</summary>
    private static string AppImage(string image)
    {
        var listed = Run.Program("/", "docker", ["images", image, "--format", "{{.Repository}}:{{.Tag}}"]).Succeeded("docker images");
        return listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).First();
    }
}
