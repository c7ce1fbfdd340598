using System.Diagnostics;
using Slipway.Containers.Components;
using Slipway.Containers.Tests.Dockerfiles;
using Slipway.Execution;

namespace Slipway.Containers.Tests.Adoption;

/// <summary>Seed 001's one Dockerfile copies the code last into the builder too, where no later stage sees it: the
/// builder image Slipway builds and hashes stops before that COPY, so a code edit rebuilds only the app; a stage built
/// FROM the builder (the test stage TestApp runs) keeps all of it.</summary>
[Collection("engine")]
public sealed class UnseenBuilderTailTests
{
    public sealed class TestedBuild : SlipwayBuild, IBuildAppImage, ITestApp;

    private static readonly string[] OneFile = ["--builder-dockerfile", "Dockerfile", "--app-dockerfile", "Dockerfile"];

    private const string CodeLast = BuilderTailTests.Builder + "COPY . /app\n";

    [Fact]
    public async Task A_code_edit_leaves_the_builder_up_to_date_when_no_later_stage_sees_the_code_it_copies()
    {
        using var repository = new FixtureRepository(new Dictionary<string, string>
        {
            ["Dockerfile"] = CodeLast + BuilderTailTests.Runner,
            ["requirements.txt"] = "requests\n",
            ["main.py"] = "print('seed 001')\n",
        });

        var first = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(first.ExitCode == 0, repository.LastOutput);
        Assert.Contains("Left out of the builder image (the file is unchanged), since no later stage sees what they write: " +
                        "Dockerfile line 6: COPY . /app: no later stage copies /app from builder", repository.LastOutput);
        Assert.DoesNotContain("reads the whole build context", repository.LastOutput);
        Assert.Equal("requirements.txt", Docker("run", "--rm", "--network", "none", repository.ImageName + "-builder:latest", "ls", "/app"));

        repository.Append("main.py", "print('edited')\n");
        var codeEdit = await repository.RunAsync(["BuildAppImage", .. OneFile]);
        Assert.True(codeEdit.ExitCode == 0, repository.LastOutput);
        Assert.Equal(TargetStatus.UpToDate, codeEdit["BuildBuilderImage"]!.Status);
        Assert.Equal(TargetStatus.Succeeded, codeEdit["BuildAppImage"]!.Status);
        var app = Docker("images", repository.ImageName, "--format", "{{.Repository}}:{{.Tag}}").Split('\n')[0];
        Assert.Equal("seed 001\nedited", Docker("run", "--rm", "--network", "none", app));
    }

    [Fact]
    public async Task A_test_stage_built_from_the_builder_keeps_the_code_and_TestApp_sees_it()
    {
        using var repository = new FixtureRepository(new Dictionary<string, string>
        {
            ["Dockerfile"] = CodeLast + "\nFROM builder AS test\nCMD [\"python3\", \"-m\", \"unittest\", \"-v\", \"main_test\"]\n" + BuilderTailTests.Runner,
            ["requirements.txt"] = "requests\n",
            ["main.py"] = "print('seed 001')\n",
            ["main_test.py"] = "import unittest\n\nclass CodeIsThere(unittest.TestCase):\n    def test_main(self):\n        open('/app/main.py').read()\n",
        });

        var tested = await repository.RunAsync<TestedBuild>(["TestApp", .. OneFile]);
        Assert.True(tested.ExitCode == 0, repository.LastOutput);
        Assert.DoesNotContain("Left out of the builder image", repository.LastOutput);
        Assert.Contains("kept in the builder image: stage test is built FROM builder and sees all of it", repository.LastOutput);
        Assert.Contains("test_main (main_test.CodeIsThere", repository.LastOutput);
    }

    private static string Docker(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }
}
