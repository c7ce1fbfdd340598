namespace Slipway.Tool.Detection;

/// <summary>The Python dependency manifests and lock files in a repository: pyproject.toml, uv.lock,
/// requirements*.txt (or any .txt in a requirements/ folder), poetry.lock, Pipfile.lock.</summary>
internal static class DependencyManifests
{
    public static IReadOnlyList<string> Find(string root) => RepositoryFiles.Find(root, IsManifest);

    private static bool IsManifest(string path)
    {
        var name = Path.GetFileName(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        var isText = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        return name is "pyproject.toml" or "uv.lock" or "poetry.lock" or "Pipfile.lock"
            || (isText && name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase))
            || (isText && folder.Equals("requirements", StringComparison.OrdinalIgnoreCase));
    }
}
