using System.Diagnostics;
using System.Runtime.Versioning;
using Slipway.Containers.Provisioning;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.ProvisioningScripts;

/// <summary>ProvisionTestMachine runs provisioning scripts side by side, each extracted to the same .nuke/temp/provision
/// before it runs. bash reads a script as it runs it, so extracting must never change the file a running script reads.</summary>
[SupportedOSPlatform("linux")]
public sealed class ProvisioningScriptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_script_extracted_again_while_an_older_copy_runs_leaves_the_running_copy_as_it_was()
    {
        var path = ProvisioningScript.ExtractAll(_folder.Path, "engine.sh");
        await File.WriteAllTextAsync(path, "echo started\nsleep 1\necho the older copy ran to its end\n");
        var start = new ProcessStartInfo("bash", [path]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var running = Process.Start(start)!;
        Assert.Equal("started", await running.StandardOutput.ReadLineAsync());

        ProvisioningScript.ExtractAll(_folder.Path, "engine.sh");

        var rest = await running.StandardOutput.ReadToEndAsync();
        await running.WaitForExitAsync();
        Assert.Equal("the older copy ran to its end\n", rest);
        Assert.Equal(0, running.ExitCode);
        Assert.StartsWith("#!/usr/bin/env bash", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public void A_script_that_already_holds_the_same_bytes_is_not_written_again()
    {
        var path = ProvisioningScript.ExtractAll(_folder.Path, "base-images.sh");
        var written = new FileInfo(path).LastWriteTimeUtc;
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));

        ProvisioningScript.ExtractAll(_folder.Path, "base-images.sh");

        Assert.Equal(written.AddHours(-1), new FileInfo(path).LastWriteTimeUtc);
        Assert.Empty(Directory.EnumerateFiles(_folder.Path, "*.partial"));
    }

    public void Dispose() => _folder.Dispose();
}
