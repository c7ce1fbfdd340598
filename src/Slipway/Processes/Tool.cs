using System.ComponentModel;
using System.Diagnostics;

namespace Slipway.Processes;

/// <summary>Runs external programs for targets: streaming their lines as they come, or capturing a short answer. The
/// program sees <see cref="ToolRun.Environment"/> (a build's, not this process's) and <see cref="ToolRun.Variables"/>.</summary>
public static class Tool
{
    /// <summary>Runs to the end, handing each stdout and stderr line to the callbacks; returns the exit code.
    /// Cancellation kills the whole process tree.</summary>
    public static async Task<int> RunAsync(
        ToolRun run, Action<string> onOutput, Action<string> onError, CancellationToken cancellation)
    {
        using var process = Start(run) ?? throw new SlipwayException($"{run.Program} could not be started");
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) onOutput(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) onError(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The trimmed stdout of a short command that succeeded; null when it failed, was missing or timed out.</summary>
    public static string? Capture(ToolRun run, TimeSpan? timeout = null)
    {
        using var process = Start(run);
        if (process is null)
            return null;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
            return null;
        }
        Task.WaitAll(output, error);
        return process.ExitCode == 0 ? output.Result.Trim() : null;
    }

    /// <summary>Where <paramref name="program"/> is on the PATH of <paramref name="environment"/> (a build's, which
    /// may differ from this process's, whose PATH is the one <see cref="Process.Start(ProcessStartInfo)"/> searches);
    /// null when none of its folders has it. A program named by a path is taken as it is.</summary>
    public static string? FindOnPath(string program, IReadOnlyDictionary<string, string> environment)
    {
        if (program.Contains('/'))
            return File.Exists(program) ? program : null;
        return (environment.GetValueOrDefault("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(candidate => File.Exists(candidate) && (OperatingSystem.IsWindows()
                || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0));
    }

    private static Process? Start(ToolRun run)
    {
        var start = new ProcessStartInfo(run.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = run.WorkingDirectory ?? "",
        };
        foreach (var argument in run.Arguments)
            start.ArgumentList.Add(argument);
        if (run.Environment is { } environment)
        {
            start.Environment.Clear();
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
        }
        foreach (var (name, value) in run.Variables)
            start.Environment[name] = value;
        try
        {
            return Process.Start(start);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
