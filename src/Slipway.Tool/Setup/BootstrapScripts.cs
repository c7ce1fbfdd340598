namespace Slipway.Tool.Setup;

/// <summary>build.sh, build.cmd and build.ps1 for an adopting repository: this repository's own scripts, with the one
/// difference that the build project is compiled from build/ alone (here it is also compiled from src/ and provision/).</summary>
internal static class BootstrapScripts
{
    /// <summary>Each adaptation must match the embedded script exactly once; a changed script fails the tool's tests.</summary>
    private static readonly (string Script, string From, string To)[] Adaptations =
    [
        ("build.sh", "for folder in build src provision; do", "for folder in build; do"),
        ("build.ps1", "@('build', 'src', 'provision' |", "@('build' |"),
    ];

    public static IReadOnlyList<GeneratedFile> Files() =>
    [
        new("build.sh", Adapt("build.sh"), Executable: true),
        new("build.cmd", Adapt("build.cmd")),
        new("build.ps1", Adapt("build.ps1")),
    ];

    private static string Adapt(string script)
    {
        var text = EmbeddedText.Read("bootstrap/" + script);
        foreach (var (name, from, to) in Adaptations.Where(adaptation => adaptation.Script == script))
        {
            var first = text.IndexOf(from, StringComparison.Ordinal);
            if (first < 0 || text.IndexOf(from, first + from.Length, StringComparison.Ordinal) >= 0)
                throw new InvalidOperationException($"the embedded {name} no longer has exactly one '{from}' to adapt");
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        return text;
    }
}
