using Slipway.Paths;

namespace Slipway.Containers.Compose;

/// <summary>The repository's Compose file: the one given, or the first of the names the Compose CLI looks for.</summary>
internal static class ComposeFile
{
    /// <summary>The names the Compose CLI looks for, in its order.</summary>
    public static readonly string[] DefaultNames = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];

    public static AbsolutePath Find(AbsolutePath root, AbsolutePath? given)
    {
        if (given is not null)
            return given.FileExists ? given : throw new SlipwayException($"Compose file {given.RelativeTo(root)} does not exist");
        return DefaultNames.Select(name => root / name).FirstOrDefault(path => path.FileExists)
               ?? throw new SlipwayException($"no Compose file in the repository ({string.Join(", ", DefaultNames)}): Up, Watch and Down run one");
    }

    /// <summary>A Compose project name of this repository's own (its folder's name and a hash of its path), so two
    /// checkouts of one service, or tests in temporary folders, never share containers or networks.</summary>
    public static string ProjectName(AbsolutePath root)
    {
        var folder = new string(Path.GetFileName(root.ToString()).ToLowerInvariant()
            .Select(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '-').ToArray()).Trim('-', '_');
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root.ToString())))[..8];
        return $"{(folder.Length > 0 ? folder : "slipway")}-{hash}";
    }
}
