using System.Xml.Linq;
using Slipway.Tool.Tests.Support;
using Xunit.Abstractions;

namespace Slipway.Tool.Tests.Packages;

/// <summary>What <c>./build.sh Pack</c> makes: the three packages with what an adopter needs, versioned from git tags.</summary>
[Collection(PackagesCollection.Name)]
[Trait("Category", "Packages")]
public sealed class PackageTests(PackageFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void Each_package_holds_readme_documentation_embedded_scripts_and_the_tool_settings()
    {
        var listing = string.Join("", new[] { "Slipway", "Slipway.Containers", "Slipway.Tool" }.Select(id =>
            $"==== {id}\n" + PackageContents.List(feed.Package(id), feed.Version)));
        foreach (var id in new[] { "Slipway", "Slipway.Containers", "Slipway.Tool" })
            output.WriteLine($"{id}.{feed.Version}.nupkg: {new FileInfo(feed.Package(id)).Length / 1024.0:0} KB");
        output.WriteLine($"pack (3 projects, from a fresh clone): {feed.PackDuration.TotalSeconds:0} s{(feed.Reused ? " (in an earlier run at this HEAD)" : "")}");

        Snapshot.Match(listing, "package-contents.txt");
        var settings = XDocument.Parse(PackageContents.Read(feed.Package("Slipway.Tool"), "tools/net10.0/any/DotnetToolSettings.xml"));
        var command = settings.Descendants("Command").Single();
        Assert.Equal(("slipway", "Slipway.Tool.dll"), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
    }

    [Theory]
    [InlineData("Slipway")]
    [InlineData("Slipway.Containers")]
    [InlineData("Slipway.Tool")]
    public void Each_package_names_its_licence_readme_repository_and_commit(string id)
    {
        var nuspec = XDocument.Parse(PackageContents.Read(feed.Package(id), id + ".nuspec"));
        XNamespace ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal(feed.Version, (string?)metadata.Element(ns + "version"));
        Assert.Equal(("expression", "MIT"), ((string?)metadata.Element(ns + "license")?.Attribute("type"), (string?)metadata.Element(ns + "license")));
        Assert.Equal("README.md", (string?)metadata.Element(ns + "readme"));
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal(("git", "https://github.com/slipway-build/slipway", feed.Commit),
            ((string?)repository.Attribute("type"), ((string?)repository.Attribute("url"))?.Replace(".git", ""), (string?)repository.Attribute("commit")));
        if (id == "Slipway.Containers")
            Assert.Contains(metadata.Descendants(ns + "dependency"), dependency =>
                (string?)dependency.Attribute("id") == "Slipway" && (string?)dependency.Attribute("version") == feed.Version);
    }

    [Fact]
    public void Every_file_in_a_package_is_dated_at_the_commit_so_the_same_commit_packs_the_same_bytes()
    {
        foreach (var id in new[] { "Slipway", "Slipway.Containers", "Slipway.Tool" })
            Assert.All(PackageContents.Timestamps(feed.Package(id)), time =>
                Assert.True(Math.Abs((time - feed.CommitTime).TotalSeconds) <= 2, $"{id}: {time:O} is not the commit time {feed.CommitTime:O}"));
    }

    [Fact]
    public void A_semver_tag_gives_its_version_and_a_later_commit_a_pre_release_with_the_height()
    {
        Assert.Equal("1.2.3", feed.VersionAtReleaseTag);
        Assert.Equal("1.2.4-alpha.0.1", feed.VersionAfterReleaseTag);
        Assert.True(File.Exists(feed.Package("Slipway")), $"no Slipway.{feed.Version}.nupkg for the tag v{feed.Version}");
    }

    [Fact]
    public void The_tool_writes_its_own_version_into_the_build_project()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        var tool = Path.Combine(feed.Clone, "src/Slipway.Tool/bin/Release/net10.0/Slipway.Tool.dll");

        Run.Program(repository.Root, "dotnet", [tool, "setup"]).Succeeded("slipway setup");

        Assert.Contains($"<PackageReference Include=\"Slipway\" Version=\"{feed.Version}\" />", repository.Read("build/_build.csproj"));
    }
}
