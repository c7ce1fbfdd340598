using Slipway.Paths;

namespace Slipway.Parameters;

/// <summary><c>.nuke/parameters.json</c> and the files of the profiles given with <c>--profile</c>, lowest precedence first.</summary>
internal sealed class ParameterFiles
{
    private ParameterFiles(IReadOnlyList<ParameterFile> files) => Files = files;

    public IReadOnlyList<ParameterFile> Files { get; }

    public static ParameterFiles None { get; } = new([]);

    public static ParameterFiles Load(AbsolutePath root, IReadOnlyList<string> profiles)
    {
        var files = new List<ParameterFile>();
        var defaults = root / BuildFolders.Marker / "parameters.json";
        RejectDirectory(defaults, root);
        if (defaults.FileExists)
            files.Add(ParameterFile.Read(defaults, root));
        foreach (var profile in profiles)
        {
            var file = root / BuildFolders.Marker / $"parameters.{profile}.json";
            RejectDirectory(file, root);
            if (!file.FileExists)
                throw new SlipwayException($"profile '{profile}' not found: {file.RelativeTo(root)} does not exist");
            files.Add(ParameterFile.Read(file, root));
        }
        return new ParameterFiles(files);
    }

    /// <summary>A folder where a parameters file should be is a mistake, not an absent file.</summary>
    private static void RejectDirectory(AbsolutePath file, AbsolutePath root)
    {
        if (file.DirectoryExists)
            throw new SlipwayException($"{file.RelativeTo(root)} is a directory, not a parameters file: remove it or put a JSON object of parameter values there");
    }

    /// <summary>The entry for <paramref name="name"/> from the file with the highest precedence that sets it.</summary>
    public ParameterFileEntry? Find(string name) =>
        Files.Reverse().SelectMany(file => file.Entries).FirstOrDefault(entry => ParameterName.Equal(entry.Key, name));

    /// <summary>Every entry whose key is neither <c>$schema</c> nor one of <paramref name="known"/> names.</summary>
    public IEnumerable<ParameterFileEntry> Unknown(IReadOnlyCollection<string> known) =>
        Files.SelectMany(file => file.Entries)
            .Where(entry => entry.Key != "$schema" && !known.Any(name => ParameterName.Equal(name, entry.Key)));
}
