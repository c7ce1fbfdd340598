using System.Diagnostics;
using Slipway.Tool.Setup;

namespace Slipway.Tool.Git;

/// <summary>The git repository setup runs in: its top-level folder and the URL of its remote (origin, else the first).</summary>
internal sealed record GitRepository(string Root, string? RemoteUrl)
{
    public static GitRepository Containing(string directory)
    {
        var root = Git(directory, "rev-parse", "--show-toplevel")
            ?? throw new SetupException($"{directory} is not inside a git repository; run slipway setup in one (or git init first)");
        var remote = Git(root, "remote", "get-url", "origin")
            ?? (Git(root, "remote")?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } first
                ? Git(root, "remote", "get-url", first)
                : null);
        return new GitRepository(Path.GetFullPath(root), remote);
    }

    /// <summary>The trimmed output of a git command that succeeded, or null (also when git is missing).</summary>
    private static string? Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Result.Trim() is { Length: > 0 } text ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new SetupException("git is not installed or not on PATH; slipway setup needs it to find the repository");
        }
    }
}
