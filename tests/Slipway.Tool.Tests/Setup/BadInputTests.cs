using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Setup;

/// <summary>Every bad input is one <c>error:</c> line and exit code 1, and nothing is written.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("error: unknown command 'init'; the commands are: setup (slipway --help)", "init")]
    [InlineData("error: unknown option '--builder' for setup; the options are: --builder-dockerfile, --app-dockerfile, --service, --image-name, --force", "setup", "--builder")]
    [InlineData("error: --builder-dockerfile needs a value", "setup", "--builder-dockerfile")]
    [InlineData("error: --app-dockerfile needs a value", "setup", "--app-dockerfile", "--force")]
    [InlineData("error: --builder-dockerfile nowhere.Dockerfile: no such file", "setup", "--builder-dockerfile", "nowhere.Dockerfile")]
    [InlineData("error: --image-name 'Acme/Voice:1' is not an image name: lower case letters, digits and . _ - separated by /, no tag", "setup", "--image-name", "Acme/Voice:1")]
    [InlineData("error: --force takes no value", "setup", "--force=yes")]
    public void A_bad_command_line_is_one_error_line(string expected, params string[] args)
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, args);

        Assert.Equal((1, expected + "\n", ""), (outcome.ExitCode, outcome.Error, outcome.Output));
        Assert.False(repository.Exists("build/_build.csproj"));
    }

    [Fact]
    public void A_dockerfile_outside_the_repository_is_refused()
    {
        using var repository = new TempRepository();
        SeedLayouts.Seed002(repository);
        var outside = Path.Combine(Path.GetTempPath(), $"outside-{Guid.NewGuid():N}.Dockerfile");
        File.WriteAllText(outside, "FROM python AS builder\n");
        try
        {
            var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup", "--builder-dockerfile", outside);
            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal($"error: --builder-dockerfile {outside} is outside the repository {repository.Root}\n", outcome.Error);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Outside_a_git_repository_it_says_so()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-nogit-").FullName;
        try
        {
            var outcome = SetupRun.Slipway(folder, SetupRun.Version, new Slipway.Tool.Detection.NoTerminalPrompt(), "setup");
            Assert.Equal(1, outcome.ExitCode);
            Assert.Equal($"error: {folder} is not inside a git repository; run slipway setup in one (or git init first)\n", outcome.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Help_and_version_exit_0()
    {
        using var repository = new TempRepository();
        Assert.Equal(0, SetupRun.Slipway(repository, SetupRun.Version, "--help").ExitCode);
        var version = SetupRun.Slipway(repository, SetupRun.Version, "--version");
        Assert.Equal((0, "1.2.3\n"), (version.ExitCode, version.Output));
    }
}
