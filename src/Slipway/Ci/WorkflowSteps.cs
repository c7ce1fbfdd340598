using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>The steps of the generated jobs: checkout, the cache, <c>./build.sh</c>, and the digest artifacts that carry
/// the native-runner matrix's per-platform pushes to the merge job.</summary>
internal static class WorkflowSteps
{
    /// <summary>Where <c>--push-by-digest</c> writes the digests (one file per pushed image) and the merge job reads them.</summary>
    public const string DigestsDirectory = ".nuke/temp/digests";

    public const string DigestsArtifactPrefix = "digests-";

    public static YamlMappingNode Checkout(int fetchDepth) => Yaml.Map(
        ("name", Yaml.Text("Check out")),
        ("uses", Yaml.Text("actions/checkout@v4")),
        ("with", fetchDepth == 1 ? null : Yaml.Map(("fetch-depth", Yaml.Number(fetchDepth)))));

    /// <summary>Caches the build's temporary folder and NuGet packages per OS and architecture, keyed on the listed files.
    /// Jobs that pass digests keep <c>.nuke/temp</c> out of the cache: actions/cache cannot exclude a subfolder, and a
    /// restored cache must never bring back an earlier run's digests.</summary>
    public static YamlMappingNode? Cache(GitHubActionsAttribute attribute, bool carriesDigests)
    {
        var paths = attribute.CachePaths.Where(path => !carriesDigests || path.TrimEnd('/') != ".nuke/temp").ToArray();
        if (attribute.CacheKeyFiles.Length == 0 || paths.Length == 0)
            return null;
        var files = string.Join(", ", attribute.CacheKeyFiles.Select(file => "'" + file.Replace("'", "''") + "'"));
        const string prefix = "${{ runner.os }}-${{ runner.arch }}-slipway-";
        return Yaml.Map(
            ("name", Yaml.Text("Cache " + string.Join(" and ", paths))),
            ("uses", Yaml.Text("actions/cache@v4")),
            ("with", Yaml.Map(
                ("path", Yaml.Lines(paths)),
                ("key", Yaml.Text($"{prefix}${{{{ hashFiles({files}) }}}}")),
                ("restore-keys", Yaml.Text(prefix)))));
    }

    public static YamlMappingNode Build(IReadOnlyList<string> targets, IEnumerable<string> options, YamlMappingNode? environment) =>
        Yaml.Map(
            ("name", Yaml.Text("Run " + string.Join(", ", targets))),
            ("run", Yaml.Text(string.Join(" ", new[] { "./build.sh" }.Concat(targets).Concat(options)))),
            ("env", environment));

    public static YamlMappingNode UploadDigests() => Yaml.Map(
        ("name", Yaml.Text("Upload the digests of ${{ matrix.platform }}")),
        ("uses", Yaml.Text("actions/upload-artifact@v4")),
        ("with", Yaml.Map(
            ("name", Yaml.Text("${{ matrix.artifact }}")),
            ("path", Yaml.Text(DigestsDirectory + "/")),
            ("include-hidden-files", Yaml.Flag(true)),
            ("if-no-files-found", Yaml.Text("error")),
            ("retention-days", Yaml.Number(1)))));

    public static YamlMappingNode DownloadDigests() => Yaml.Map(
        ("name", Yaml.Text("Download the digests of every platform")),
        ("uses", Yaml.Text("actions/download-artifact@v4")),
        ("with", Yaml.Map(
            ("pattern", Yaml.Text(DigestsArtifactPrefix + "*")),
            ("path", Yaml.Text(DigestsDirectory)),
            ("merge-multiple", Yaml.Flag(true)))));
}
