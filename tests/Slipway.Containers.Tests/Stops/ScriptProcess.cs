using System.Diagnostics;
using System.Text;

namespace Slipway.Containers.Tests.Stops;

/// <summary><c>bash build.sh …</c> running in a checkout, output redirected and collected as it comes, so a test can
/// send it a real signal at the moment it waits for.</summary>
public sealed class ScriptProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ScriptProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Standard output and error, interleaved in the order the lines came.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    public static ScriptProcess Start(string root, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true, // no terminal, whoever runs the tests: build.sh starts no build server
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "build.sh"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in new[] { "GITHUB_ACTIONS", "CI", "SLIPWAY_UPDATE_SNAPSHOTS", "SLIPWAY_BUILD_SERVER" })
            start.Environment.Remove(name);
        start.Environment["SOURCE_DATE_EPOCH"] = "1790000000";
        var process = new Process { StartInfo = start };
        var script = new ScriptProcess(process);
        process.OutputDataReceived += (_, line) => script.Append(line.Data);
        process.ErrorDataReceived += (_, line) => script.Append(line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return script;
    }

    /// <summary>Sends a POSIX signal as <c>kill</c> does; build.sh execs the build, so this id is the build's own.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, Id.ToString()]);
        kill.WaitForExit();
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"build.sh did not end within {timeout}; output so far:\n{Output}");
        }
        _process.WaitForExit(); // the end of the redirected output
    }

    /// <summary>Waits until <paramref name="condition"/> holds, the process has ended, or the time is up.</summary>
    public async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited || clock.Elapsed > timeout)
                return condition();
            await Task.Delay(50);
        }
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Append(line).Append('\n');
    }
}
