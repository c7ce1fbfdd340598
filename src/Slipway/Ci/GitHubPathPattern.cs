using System.Text;

namespace Slipway.Ci;

/// <summary>Turns an engine glob (<see cref="Paths.Glob"/>: root-relative, <c>*</c>, <c>?</c>, <c>**</c>) into GitHub's
/// path filter syntax. <c>*</c> and <c>**</c> mean the same in both; GitHub's <c>?</c> means "the preceding character
/// at most once", so ours becomes <c>*</c> (a filter may start a workflow too often, never too rarely); GitHub's other
/// special characters (<c>+ [ ]</c>, and <c>!</c> at the start) are escaped.</summary>
internal static class GitHubPathPattern
{
    public static string From(string glob, string workflow, string owner)
    {
        var pattern = new Paths.Glob(glob).Pattern;
        while (pattern.StartsWith("./", StringComparison.Ordinal))
            pattern = pattern[2..];
        if (pattern.Length == 0 || pattern.Split('/').Any(segment => segment == ".."))
            throw new SlipwayException(
                $"workflow '{workflow}': {owner} declares the input path '{glob}', which is not inside the root; " +
                "a GitHub path filter can only name files of the repository");
        var result = new StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '?')
                result.Append('*');
            else if (c is '+' or '[' or ']' || (c == '!' && i == 0))
                result.Append('\\').Append(c);
            else
                result.Append(c);
        }
        return result.ToString().Replace("***", "**");
    }
}
