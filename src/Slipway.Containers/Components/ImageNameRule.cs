using System.Text.RegularExpressions;

namespace Slipway.Containers.Components;

/// <summary>What an image repository name may be: an optional <c>host[:port]/</c> and lower-case path components.</summary>
internal static partial class ImageNameRule
{
    public static string Validate(string name)
    {
        if (!Valid().IsMatch(name))
            throw new SlipwayException(
                $"invalid image name '{name}': use lower case letters, digits and . _ - separated by /, optionally after a registry host[:port]/ " +
                "(no upper case, no spaces, no tag)");
        return name;
    }

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$")]
    private static partial Regex Valid();
}
