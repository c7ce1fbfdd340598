using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Processes;

namespace Slipway.Containers.Rehearsal;

/// <summary>actions/cache as GitHub keeps it for one repository: entries by key in a folder shared by every workflow
/// of the rehearsal. The cache step restores the entry of its exact <c>key</c>, else the newest whose key starts with
/// one of its <c>restore-keys</c>; a job that succeeded without an exact hit saves its paths under the key at its end.
/// Only paths inside the workspace are kept here; paths under <c>~</c> stay in the runner user's home from job to job
/// (as if always restored). A <c>!path</c> line leaves that folder out of what is saved. <c>hashFiles(...)</c> in the
/// key hashes the workspace's tracked files its globs match.</summary>
internal sealed partial class RehearsalCache(string directory)
{
    public string Directory => directory;

    /// <summary>The key with <c>hashFiles(...)</c> worked out in <paramref name="workspace"/> (other expressions are
    /// already substituted by the caller).</summary>
    public static string EvaluateHashFiles(string key, string workspace) => HashFilesCall().Replace(key, match =>
    {
        var patterns = Quoted().Matches(match.Groups[1].Value).Select(quoted => quoted.Groups[1].Value.Replace("''", "'")).ToArray();
        var listed = Tool.Capture(new ToolRun("git", ["-c", "safe.directory=*", "-C", workspace, "ls-files", "-z", "--", .. patterns.Select(pattern => ":(glob)" + pattern)]))
                     ?? throw new SlipwayException($"hashFiles: git ls-files failed in {workspace}");
        var files = listed.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            return "";
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
            all.AppendData(SHA256.HashData(File.ReadAllBytes(Path.Combine(workspace, file))));
        return Convert.ToHexStringLower(all.GetHashAndReset());
    });

    /// <summary>The entry folder to restore from and the key it was saved under; null when nothing matches.</summary>
    public (string Folder, string Key)? Find(string key, IReadOnlyList<string> restoreKeys)
    {
        var entries = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetDirectories(directory).Where(folder => File.Exists(Path.Combine(folder, "key")))
                .Select(folder => (Folder: folder, Key: File.ReadAllText(Path.Combine(folder, "key")), Saved: File.GetLastWriteTimeUtc(Path.Combine(folder, "key"))))
                .OrderByDescending(entry => entry.Saved).ToArray()
            : [];
        if (entries.FirstOrDefault(entry => entry.Key == key) is { Folder: not null } exact)
            return (exact.Folder, exact.Key);
        foreach (var prefix in restoreKeys)
            if (entries.FirstOrDefault(entry => entry.Key.StartsWith(prefix, StringComparison.Ordinal)) is { Folder: not null } partial)
                return (partial.Folder, partial.Key);
        return null;
    }

    /// <summary>Where an entry under <paramref name="key"/> is saved (one folder per key; its paths as <c>0</c>, <c>1</c>, ...).</summary>
    public string FolderFor(string key) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]);

    /// <summary>The workspace-relative paths of the step's <c>path</c> lines, by their index; <c>~</c> paths and
    /// <c>!</c> exclusions are left out.</summary>
    public static IReadOnlyList<(int Index, string Path)> WorkspacePaths(string paths) =>
        paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((path, index) => (index, path)).Where(entry => !entry.path.StartsWith('~') && !entry.path.StartsWith('!') && !Path.IsPathRooted(entry.path))
            .ToArray();

    /// <summary>The workspace-relative paths of the step's <c>!path</c> lines: left out of what is saved.</summary>
    public static IReadOnlyList<string> ExcludedPaths(string paths) =>
        paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(path => path.StartsWith('!')).Select(path => path[1..].TrimEnd('/')).Where(path => !path.StartsWith('~') && !Path.IsPathRooted(path))
            .ToArray();

    /// <summary>Copies a folder of the job's workspace (the runner user's) into the cache, keeping modes and times, less
    /// the <paramref name="excluded"/> paths below it (relative to the workspace, as <paramref name="source"/> is to
    /// <paramref name="workspace"/>).</summary>
    public static void CopyAsRoot(string workspace, string source, string destination, IReadOnlyList<string> excluded)
    {
        AsRoot(["cp", "-a", Path.Combine(workspace, source), destination], $"copying {source} into the rehearsal's cache");
        var below = excluded.Where(path => path.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal))
            .Select(path => Path.Combine(destination, path[(source.TrimEnd('/').Length + 1)..])).ToArray();
        if (below.Length > 0)
            AsRoot(["rm", "-rf", "--", .. below], $"leaving {string.Join(", ", excluded)} out of the rehearsal's cache");
    }

    private static void AsRoot(string[] command, string what)
    {
        if (Tool.Capture(Environment.IsPrivilegedProcess ? new ToolRun(command[0], command[1..]) : new ToolRun("sudo", ["-n", .. command]), TimeSpan.FromMinutes(5)) is null)
            throw new SlipwayException($"actions/cache (post): {what} failed");
    }

    [GeneratedRegex(@"\$\{\{\s*hashFiles\((.*?)\)\s*\}\}")]
    private static partial Regex HashFilesCall();

    [GeneratedRegex(@"'((?:[^']|'')*)'")]
    private static partial Regex Quoted();
}
