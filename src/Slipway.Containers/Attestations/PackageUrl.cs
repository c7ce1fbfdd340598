using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Attestations;

/// <summary>The parts of the package-url spec that Slipway writes: percent-encoding of names, versions and qualifier values.</summary>
internal static partial class PackageUrl
{
    public static string NormalizePythonName(string name) => Separators().Replace(name.Trim(), "-").ToLowerInvariant();

    /// <summary>Percent-encodes everything but ASCII letters, digits and <c>.-_~+:</c> (UTF-8 bytes, upper-case hex).</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '~' or '+' or ':')
                text.Append(c);
            else
                text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
