using System.Diagnostics;
using System.Text;

namespace Slipway.Tests.Bootstrap;

/// <summary><c>bash build.sh …</c> (or <c>pwsh build.ps1 …</c>) running in a checkout, its output collected as it comes.</summary>
public sealed class BuildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private BuildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
                return _errors.ToString();
        }
    }

    public int ExitCode => _process.ExitCode;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>bash build.sh</c>, or with <paramref name="powerShell"/> <c>pwsh -File build.ps1</c>.</summary>
    public static BuildProcess Start(
        string root, IEnumerable<string> arguments, string? powerShell = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(powerShell ?? "bash")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true, // no terminal, whoever runs the tests: build.sh starts no build server
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (powerShell is not null)
            start.ArgumentList.Add("-NoProfile");
        if (powerShell is not null)
            start.ArgumentList.Add("-File");
        start.ArgumentList.Add(Path.Combine(root, powerShell is null ? "build.sh" : "build.ps1"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in new[] { "GITHUB_ACTIONS", "CI", "SLIPWAY_UPDATE_SNAPSHOTS" })
            start.Environment.Remove(name);
        start.Environment.Remove("SLIPWAY_BUILD_SERVER");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = new Process { StartInfo = start };
        var build = new BuildProcess(process);
        process.OutputDataReceived += (_, line) => Append(build._output, line.Data);
        process.ErrorDataReceived += (_, line) => Append(build._errors, line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return build;
    }

    /// <summary>Sends a POSIX signal (<c>TERM</c>, <c>INT</c>) as <c>kill</c> would: build.sh execs the build, so the
    /// process id is the build's own.</summary>
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
            throw new TimeoutException($"build.sh did not end within {timeout}; output so far:\n{Output}\n{Errors}");
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

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
            return;
        lock (text)
            text.Append(line).Append('\n');
    }
}
