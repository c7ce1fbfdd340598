using Slipway.Tool.Tests.Support;
using Xunit.Abstractions;

namespace Slipway.Tool.Tests.Packages;

/// <summary>A user's first minutes: install the tool from the feed, <c>slipway setup</c> in a repository shaped like
/// seed 002 with no terminal, then <c>./build.sh --help</c> compiles the generated build against the packages.</summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Packages")]
public sealed class EndToEndTests(PackageFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void Setup_in_a_seed_002_repository_gives_a_build_that_compiles_and_lists_its_targets()
    {
        using var adopter = new AdopterRepository(feed.Feed, feed.Version);
        SeedLayouts.Seed002(adopter.Repository);
        adopter.Repository.Commit("the service");

        var install = adopter.InstallTool();
        var setup = adopter.Setup().Succeeded("slipway setup");
        var help = adopter.Build("--help").Succeeded("./build.sh --help");
        var warm = adopter.Build("--help").Succeeded("./build.sh --help (warm)");

        output.WriteLine($"dotnet tool install: {install.Duration.TotalSeconds:0.0} s");
        output.WriteLine($"slipway setup: {setup.Duration.TotalSeconds:0.00} s");
        output.WriteLine($"first ./build.sh --help (restore + compile): {help.Duration.TotalSeconds:0.0} s");
        output.WriteLine($"warm ./build.sh --help: {warm.Duration.TotalSeconds:0.00} s");
        Assert.Contains("Next: ./build.sh BuildAppImage", setup.Output);
        Assert.Contains("builder: docker/dockerfile.dev, app: Dockerfile", setup.Output);
        Assert.Contains("Compiling the build project", help.Error);
        foreach (var target in new[] { "BuildAppImage", "BuildBuilderImage", "VerifyArch", "Push", "Restore" })
            Assert.Contains(target, help.Output);
        Assert.Contains("ghcr.io/acme/bailing", help.Output);
        Assert.DoesNotContain("Compiling", warm.Error);
    }

    [Fact]
    public void The_installed_tool_run_again_keeps_an_edited_build_class()
    {
        using var adopter = new AdopterRepository(feed.Feed, feed.Version, "again");
        SeedLayouts.Seed002(adopter.Repository);
        adopter.InstallTool();
        adopter.Setup().Succeeded("slipway setup");
        var edited = adopter.Repository.Read("build/Build.cs").Replace("public sealed class Build", "// my change\npublic sealed class Build");
        adopter.Repository.Write("build/Build.cs", edited);

        var again = adopter.Setup().Succeeded("slipway setup again");

        Assert.Contains("nothing to change", again.Output);
        Assert.Equal(edited, adopter.Repository.Read("build/Build.cs"));
    }
}
