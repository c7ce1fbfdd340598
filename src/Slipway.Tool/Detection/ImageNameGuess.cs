using System.Text.RegularExpressions;

namespace Slipway.Tool.Detection;

/// <summary>The image name setup proposes: <c>ghcr.io/&lt;owner&gt;/&lt;repo&gt;</c> for a GitHub remote, otherwise the
/// folder's name; lower case, with anything an image name cannot hold turned into '-'.</summary>
internal static partial class ImageNameGuess
{
    public static string From(string? remoteUrl, string rootFolderName)
    {
        if (remoteUrl is not null && GitHubRemote().Match(remoteUrl.Trim()) is { Success: true } match)
            return $"ghcr.io/{Component(match.Groups["owner"].Value)}/{Component(match.Groups["repo"].Value)}";
        return Component(rootFolderName);
    }

    /// <summary>One path component of an image name: lower-case letters and digits joined by single '.', '_' or '-'.</summary>
    private static string Component(string name)
    {
        var component = Separators().Replace(Invalid().Replace(name.ToLowerInvariant(), "-"), match => match.Value[..1]).Trim('.', '_', '-');
        return component.Length == 0 ? "app" : component;
    }

    [GeneratedRegex(@"^(?:https?://(?:[^@/]+@)?|ssh://git@|git@)github\.com[:/](?<owner>[^/]+)/(?<repo>[^/]+?)(?:\.git)?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex GitHubRemote();

    [GeneratedRegex(@"[^a-z0-9._-]")]
    private static partial Regex Invalid();

    [GeneratedRegex(@"[._-]{2,}")]
    private static partial Regex Separators();
}
