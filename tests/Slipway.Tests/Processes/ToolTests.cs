using Slipway.Processes;

namespace Slipway.Tests.Processes;

/// <summary>A child process sees the run's environment (a build passes its Invocation's), not this process's.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ToolTests
{
    private static readonly string[] Echo = ["-c", "echo \"${SLIPWAY_TOOL_TEST:-unset} ${SLIPWAY_PROCESS_ONLY:-} ${EXTRA:-none}\""];

    [Fact]
    public void A_child_gets_the_given_environment_and_nothing_the_process_has_besides()
    {
        Assert.Equal("leaked", Environment.GetEnvironmentVariable(ProcessOnlyVariable.Name));

        var output = Tool.Capture(new ToolRun("sh", Echo)
        {
            Environment = new Dictionary<string, string> { ["SLIPWAY_TOOL_TEST"] = "from-invocation" },
        });

        Assert.Equal("from-invocation  none", output);
    }

    [Fact]
    public void Variables_are_set_on_top_of_the_environment()
    {
        var output = Tool.Capture(new ToolRun("sh", Echo)
        {
            Environment = new Dictionary<string, string> { ["SLIPWAY_PROCESS_ONLY"] = "given" },
            Variables = new Dictionary<string, string> { ["EXTRA"] = "docker-host" },
        });

        Assert.Equal("unset given docker-host", output);
    }

    [Fact]
    public void Without_an_environment_the_child_inherits_the_process_one()
    {
        Assert.Equal("unset leaked none", Tool.Capture(new ToolRun("sh", Echo)));
    }

    [Fact]
    public async Task A_streamed_run_gets_the_given_environment_too()
    {
        var lines = new List<string>();

        var exitCode = await Tool.RunAsync(
            new ToolRun("sh", Echo) { Environment = new Dictionary<string, string> { ["SLIPWAY_TOOL_TEST"] = "streamed" } },
            lines.Add, lines.Add, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(["streamed  none"], lines);
    }

    [Fact]
    public void A_program_is_found_on_the_given_PATH_not_the_process_one()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-path-").FullName;
        try
        {
            var program = Path.Combine(folder, "slipway-probe");
            File.WriteAllText(program, "#!/bin/sh\n");
            File.WriteAllText(Path.Combine(folder, "not-executable"), "");
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            var environment = new Dictionary<string, string> { ["PATH"] = "/nonexistent:" + folder };

            Assert.Equal(program, Tool.FindOnPath("slipway-probe", environment));
            Assert.Null(Tool.FindOnPath("not-executable", environment));
            Assert.Null(Tool.FindOnPath("sh", environment));
            Assert.NotNull(Tool.FindOnPath("sh", new Dictionary<string, string>()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
