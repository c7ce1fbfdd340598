using System.Text;

namespace Slipway.Parameters;

/// <summary>How a parameter's name is written in each source: <c>RegistryToken</c> is <c>--registry-token</c> on the
/// command line, <c>REGISTRY_TOKEN</c> (or <c>SLIPWAY_REGISTRY_TOKEN</c>) in the environment and <c>RegistryToken</c> in
/// parameters files; matching ignores case, dashes and underscores.</summary>
internal static class ParameterName
{
    public const string EnvironmentPrefix = "SLIPWAY_";

    public static string Normalise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('-' or '_'))
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public static bool Equal(string left, string right) => Normalise(left) == Normalise(right);

    /// <summary><c>GitHubToken</c> → <c>git-hub-token</c>, <c>ImageID</c> → <c>image-id</c>.</summary>
    public static string Dashed(string name) => Split(name, '-').ToLowerInvariant();

    /// <summary><c>GitHubToken</c> → <c>GIT_HUB_TOKEN</c>.</summary>
    public static string Environment(string name) => Split(name, '_').ToUpperInvariant();

    /// <summary>The closest of <paramref name="candidates"/> when it is close enough to be a typo, else null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates) => Cli.ClosestName.Of(name, candidates, Normalise);

    private static string Split(string name, char separator)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '_')
            {
                builder.Append(separator);
                continue;
            }
            var startsWord = i > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) ||
                 (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord && builder.Length > 0 && builder[^1] != separator)
                builder.Append(separator);
            builder.Append(c);
        }
        return builder.ToString();
    }
}
