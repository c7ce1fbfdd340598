using System.Text.RegularExpressions;

namespace Slipway.Tests.Ci;

/// <summary>The engine (src/Slipway) knows no containers: the words of the container components' CI shapes stay in
/// Slipway.Containers, and the temporary folder is named by one constant that everything else uses.</summary>
public sealed class EngineVocabularyTests
{
    // .NET's own PlatformNotSupportedException is the runtime's word, not a container platform.
    private static readonly Regex ContainerWords = new("pushindex|push-by-digest|digests|platform(?!NotSupportedException)", RegexOptions.IgnoreCase);

    [Fact]
    public void The_engine_sources_spell_no_container_word()
    {
        var found = EngineSources()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => ContainerWords.IsMatch(entry.line))
            .Select(entry => $"{Relative(entry.file)}:{entry.number}: {entry.line.Trim()}")
            .ToArray();

        Assert.True(found.Length == 0,
            "src/Slipway must not know containers; move these to Slipway.Containers (or say it without the word):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_temporary_folder_is_spelled_in_one_place_of_the_engine()
    {
        var spelled = new Regex(@"\.nuke/temp|""/?temp""");
        var found = EngineSources()
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => !entry.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && spelled.IsMatch(entry.line))
            .Select(entry => $"{Relative(entry.file)}:{entry.number}")
            .ToArray();

        Assert.Equal(["src/Slipway/Paths/BuildFolders.cs"], found.Select(entry => entry[..entry.IndexOf(':')]).Distinct());
        Assert.Single(found);
    }

    [Fact]
    public void The_digests_folder_name_is_one_constant_of_the_container_components()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "Slipway.Containers");
        var spelled = new Regex(@"""digests[""/-]");
        var found = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Relative(file).Split('/').Any(part => part is "bin" or "obj"))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, number: index + 1)))
            .Where(entry => !entry.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && spelled.IsMatch(entry.line))
            .Select(entry => $"{Relative(entry.file)}:{entry.number}")
            .ToArray();

        Assert.Equal(["src/Slipway.Containers/Components/PushedDigests.cs"], found.Select(entry => entry[..entry.IndexOf(':')]).Distinct());
    }

    [Fact]
    public void The_checks_read_the_engine_sources()
    {
        Assert.Contains(EngineSources(), file => file.EndsWith("BuildFolders.cs", StringComparison.Ordinal));
    }

    private static IEnumerable<string> EngineSources()
    {
        var source = Path.Combine(RepositoryRoot.Path, "src", "Slipway");
        return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Relative(file).Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
    }

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/');
}
