using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>What an image repository name may be: the distribution grammar's name (<see cref="ReferenceGrammar.CheckName"/>),
/// an optional <c>host[:port]/</c> and lowercase path components, no tag.</summary>
internal static class ImageNameRule
{
    public static string Validate(string name)
    {
        if (ReferenceGrammar.CheckName(name) is { } problem)
            throw new SlipwayException(
                $"invalid image name '{name}': {problem} (an image name is lowercase path components separated by /, " +
                "optionally after a registry host[:port]/, without a tag)");
        return name;
    }
}
