using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Setup;

public sealed class SetupCommandTests
{
    [Fact]
    public void Seed_002_gets_a_build_for_its_two_dockerfiles()
    {
        using var repository = new TempRepository("bailing", remote: "https://github.com/Acme/Bailing.git");
        SeedLayouts.Seed002(repository);

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Snapshot.Match(SetupRun.Written(repository, outcome), "seed-002.txt");
    }

    [Fact]
    public void Seed_000_gets_a_build_for_its_builder_stage()
    {
        using var repository = new TempRepository("backend");
        SeedLayouts.Seed000(repository);

        Snapshot.Match(SetupRun.Written(repository, SetupRun.Slipway(repository, SetupRun.Version, "setup")), "seed-000.txt");
    }

    [Fact]
    public void Seed_001_keeps_its_dockerignore_and_gets_the_gitignore_entries_once()
    {
        using var repository = new TempRepository("fast");
        SeedLayouts.Seed001(repository);
        repository.Write(".gitignore", "__pycache__/\n/.nuke/temp\n");

        Snapshot.Match(SetupRun.Written(repository, SetupRun.Slipway(repository, SetupRun.Version, "setup")), "seed-001.txt");
    }

    [Fact]
    public void Star_dockerfiles_get_the_test_app_component_for_their_test_stage()
    {
        using var repository = new TempRepository("voice", remote: "git@github.com:acme/voice.git");
        SeedLayouts.StarDockerfiles(repository);

        Snapshot.Match(SetupRun.Written(repository, SetupRun.Slipway(repository, SetupRun.Version, "setup")), "star-dockerfiles.txt");
    }

    [Fact]
    public void The_bootstrap_scripts_are_this_repository_s_compiling_the_build_from_build_only()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);

        SetupRun.Slipway(repository, SetupRun.Version, "setup");

        var ours = File.ReadAllText(Path.Combine(SourceRepository.Root, "build.sh"));
        Assert.Equal(ours.Replace("for folder in build src provision; do", "for folder in build; do"), repository.Read("build.sh"));
        Assert.Equal(File.ReadAllText(Path.Combine(SourceRepository.Root, "build.cmd")), repository.Read("build.cmd"));
        Assert.DoesNotContain("'src'", repository.Read("build.ps1"));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(Path.Combine(repository.Root, "build.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void Run_again_by_a_newer_tool_it_moves_the_version_and_scripts_and_leaves_the_build_class_alone()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        SetupRun.Slipway(repository, "1.0.0", "setup");
        repository.Write("build/Build.cs", "// my own build\n");
        repository.Write(".nuke/parameters.json", "{ \"ImageName\": \"mine\" }\n");
        repository.Write("build.sh", "#!/bin/sh\necho old bootstrap\n");

        var outcome = SetupRun.Slipway(repository, "1.1.0", "setup");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("moved from 1.0.0 to 1.1.0", outcome.Output);
        Assert.Contains("<PackageReference Include=\"Slipway\" Version=\"1.1.0\" />", repository.Read("build/_build.csproj"));
        Assert.Contains("<PackageReference Include=\"Slipway.Containers\" Version=\"1.1.0\" />", repository.Read("build/_build.csproj"));
        Assert.Equal("// my own build\n", repository.Read("build/Build.cs"));
        Assert.Equal("{ \"ImageName\": \"mine\" }\n", repository.Read(".nuke/parameters.json"));
        Assert.Contains("for folder in build; do", repository.Read("build.sh"));
        Assert.Contains("  updated build.sh", outcome.Output);
        Assert.Contains("  kept    build/Build.cs (yours to edit)", outcome.Output);
    }

    [Fact]
    public void Run_again_by_the_same_tool_it_changes_nothing()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        SetupRun.Slipway(repository, SetupRun.Version, "setup");

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("nothing to change", outcome.Output);
        Assert.DoesNotContain("  wrote", outcome.Output);
        Assert.DoesNotContain("  updated", outcome.Output);
    }

    [Fact]
    public void A_build_it_did_not_write_is_replaced_only_with_force()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        repository.Write("build/_build.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Nuke.Common\" Version=\"9.0.4\" /></ItemGroup></Project>\n");

        var refused = SetupRun.Slipway(repository, SetupRun.Version, "setup");
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("error: build/_build.csproj already exists and was not written by slipway setup; rerun with --force to replace the build\n", refused.Error);
        Assert.Contains("Nuke.Common", repository.Read("build/_build.csproj"));
        Assert.False(repository.Exists("build.sh"));

        var forced = SetupRun.Slipway(repository, SetupRun.Version, "setup", "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Include=\"Slipway\"", repository.Read("build/_build.csproj"));
        Assert.Contains("  updated build/_build.csproj", forced.Output);
    }

    [Fact]
    public void Force_rewrites_the_build_class_of_a_slipway_build()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        SetupRun.Slipway(repository, SetupRun.Version, "setup");
        repository.Write("build/Build.cs", "// edited\n");

        SetupRun.Slipway(repository, SetupRun.Version, "setup", "--force");

        Assert.Contains("class Build : SlipwayBuild", repository.Read("build/Build.cs"));
    }

    [Fact]
    public void Options_choose_the_dockerfiles_relative_to_where_setup_runs()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        repository.Write("docker/builder.Dockerfile", "FROM python:3.11-bookworm AS builder\nRUN true\n");

        var outcome = SetupRun.Slipway(Path.Combine(repository.Root, "docker"), SetupRun.Version, new Detection.NoChoice(),
            "setup", "--builder-dockerfile", "builder.Dockerfile", "--image-name=registry.example:5000/team/svc");

        Assert.Equal(0, outcome.ExitCode);
        var parameters = repository.Read(".nuke/parameters.json");
        Assert.Contains("\"BuilderDockerfile\": \"docker/builder.Dockerfile\"", parameters);
        Assert.Contains("\"ImageName\": \"registry.example:5000/team/svc\"", parameters);
    }
}
