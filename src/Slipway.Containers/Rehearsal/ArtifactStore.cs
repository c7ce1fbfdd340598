namespace Slipway.Containers.Rehearsal;

/// <summary>actions/upload-artifact and actions/download-artifact as folders: one folder per artifact name under
/// <paramref name="directory"/>, shared by the jobs of one workflow run. Upload keeps the files' paths relative to the
/// common folder of the given paths and leaves out hidden files (a name starting with a dot below that folder) unless
/// <c>include-hidden-files</c>; download takes one artifact by <c>name</c>, or every artifact a <c>pattern</c> matches,
/// each into a folder of its name under <c>path</c> or, with <c>merge-multiple</c>, all into <c>path</c> itself.</summary>
internal sealed class ArtifactStore(string directory)
{
    public string Directory => directory;

    /// <summary>Copies the files and returns how many were uploaded.</summary>
    public int Upload(string name, string workspace, IReadOnlyDictionary<string, string> with)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new SlipwayException("upload-artifact without a name: the rehearsal (like GitHub's v4) needs one per job");
        var includeHidden = with.GetValueOrDefault("include-hidden-files") == "true";
        var paths = (with.GetValueOrDefault("path") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paths.Length == 0)
            throw new SlipwayException($"upload-artifact {name} names no path");
        if (paths.Any(path => path.IndexOfAny(['*', '?', '[', '!']) >= 0))
            throw new SlipwayException($"upload-artifact {name}: the rehearsal takes files and folders, not the globs in '{string.Join(' ', paths)}'");
        var roots = paths.Select(path => Path.GetFullPath(Path.Combine(workspace, path))).ToArray();
        var files = roots.SelectMany(root => Files(root, includeHidden)).Distinct().ToArray();
        var target = Path.Combine(directory, name);
        if (System.IO.Directory.Exists(target))
            throw new SlipwayException($"upload-artifact: an artifact named {name} was uploaded already in this run");
        if (files.Length == 0)
        {
            var missing = with.GetValueOrDefault("if-no-files-found") ?? "warn";
            if (missing == "error")
                throw new SlipwayException($"upload-artifact {name}: no files found at {string.Join(", ", paths)} (if-no-files-found: error)");
            return 0;
        }
        var common = CommonFolder(roots);
        foreach (var file in files)
        {
            var copy = Path.Combine(target, Path.GetRelativePath(common, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return files.Length;
    }

    /// <summary>Which artifact folders go where (relative to the workspace); the caller copies them as the job's user.</summary>
    public IReadOnlyList<(string Artifact, string Destination)> PlanDownload(IReadOnlyDictionary<string, string> with)
    {
        var path = with.GetValueOrDefault("path") is { Length: > 0 } given ? given : ".";
        var stored = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetDirectories(directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
        if (with.GetValueOrDefault("name") is { Length: > 0 } name)
            return stored.Contains(name)
                ? [(Path.Combine(directory, name), path)]
                : throw new SlipwayException($"download-artifact: no artifact named {name} was uploaded in this run");
        var pattern = with.GetValueOrDefault("pattern") is { Length: > 0 } glob ? glob : "*";
        var matched = stored.Where(artifact => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, artifact, ignoreCase: false)).ToArray();
        if (matched.Length == 0)
            throw new SlipwayException($"download-artifact: no artifact of this run matches '{pattern}'");
        var merge = with.GetValueOrDefault("merge-multiple") == "true";
        return matched.Select(artifact => (Path.Combine(directory, artifact), merge ? path : Path.Combine(path, artifact))).ToArray();
    }

    private static IEnumerable<string> Files(string root, bool includeHidden)
    {
        if (File.Exists(root))
            return [root];
        if (!System.IO.Directory.Exists(root))
            return [];
        return System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(file => includeHidden || !Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')));
    }

    private static string CommonFolder(IReadOnlyList<string> roots)
    {
        var folders = roots.Select(root => System.IO.Directory.Exists(root) ? root : Path.GetDirectoryName(root)!)
            .Select(folder => folder.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar)).ToArray();
        var length = folders.Min(parts => parts.Length);
        var shared = Enumerable.Range(0, length).TakeWhile(i => folders.All(parts => parts[i] == folders[0][i])).Count();
        return string.Join(Path.DirectorySeparatorChar, folders[0].Take(shared)) is { Length: > 0 } common ? common : "/";
    }
}
