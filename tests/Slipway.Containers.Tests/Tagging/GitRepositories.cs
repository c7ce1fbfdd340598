using System.Diagnostics;

namespace Slipway.Containers.Tests.Tagging;

/// <summary>Real git repositories in temp folders, made with no user or system configuration.</summary>
internal static class GitRepositories
{
    public static void Git(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=unused" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
    }

    /// <summary>A repository at <paramref name="folder"/> with one empty commit on the first branch and the others beside it.</summary>
    public static string Create(string folder, params string[] branches)
    {
        Directory.CreateDirectory(folder);
        Git(folder, "init", "-q", "-b", branches[0]);
        Git(folder, "commit", "-q", "--allow-empty", "-m", "first");
        foreach (var branch in branches.Skip(1))
            Git(folder, "branch", branch);
        return folder;
    }
}
