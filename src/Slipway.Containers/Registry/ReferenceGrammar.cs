using System.Text.RegularExpressions;

namespace Slipway.Containers.Registry;

/// <summary>
/// The distribution reference grammar (OCI distribution spec), part by part: path components are lowercase letters and
/// digits separated by one <c>.</c>, one <c>_</c>, <c>__</c> or one or more <c>-</c>. Each check returns null when the
/// part is valid, otherwise a sentence that names the bad part.
/// </summary>
internal static partial class ReferenceGrammar
{
    public const int MaxNameLength = 255;

    public static string? CheckHost(string host)
    {
        if (host.Length == 0)
            return "the registry host is empty";
        if (HasWhitespace(host))
            return $"registry host '{host}' contains whitespace";
        if (host.Any(char.IsUpper))
            return $"registry host '{host}' must be lowercase (use '{host.ToLowerInvariant()}')";
        return HostPattern().IsMatch(host) ? null : $"registry host '{host}' is not a valid host[:port]";
    }

    public static string? CheckRepository(string repository)
    {
        if (repository.Length == 0)
            return "the repository name is empty";
        foreach (var component in repository.Split('/'))
        {
            if (component.Length == 0)
                return $"repository '{repository}' has an empty path component";
            if (HasWhitespace(component))
                return $"repository path component '{component}' contains whitespace";
            if (component.Any(char.IsUpper))
                return $"repository path component '{component}' must be lowercase (use '{component.ToLowerInvariant()}')";
            if (!ComponentPattern().IsMatch(component))
                return $"repository path component '{component}' is not valid: use lowercase letters and digits, "
                    + "separated by '.', '_', '__' or dashes";
        }
        return null;
    }

    /// <summary>An image name as users write it, without tag or digest: an optional registry <c>host[:port]/</c> (when
    /// the first part looks like one, <see cref="LooksLikeHost"/>) and path components (<see cref="CheckRepository"/>).
    /// The one rule for image names: the image-name parameter and parsed references both use it.</summary>
    public static string? CheckName(string name)
    {
        if (name.Length > MaxNameLength)
            return $"the name is longer than {MaxNameLength} characters";
        var slash = name.IndexOf('/');
        if (slash > 0 && LooksLikeHost(name[..slash]))
            return CheckHost(name[..slash]) ?? CheckRepository(name[(slash + 1)..]);
        return CheckRepository(name);
    }

    public static string? CheckTag(string tag)
    {
        if (HasWhitespace(tag))
            return $"tag '{tag}' contains whitespace";
        return TagPattern().IsMatch(tag)
            ? null
            : $"tag '{tag}' is not valid: 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'";
    }

    public static string? CheckDigest(string digest)
    {
        if (HasWhitespace(digest))
            return $"digest '{digest}' contains whitespace";
        return IsDigest(digest)
            ? null
            : $"digest '{digest}' is not valid: expected 'sha256:' and 64 lowercase hex digits";
    }

    public static bool IsDigest(string value) => DigestPattern().IsMatch(value);

    /// <summary>Docker's rule: the first path part is a registry when it has a dot or a port, or is localhost.</summary>
    public static bool LooksLikeHost(string firstComponent) =>
        firstComponent.Contains('.') || firstComponent.Contains(':') || firstComponent == "localhost";

    private static bool HasWhitespace(string value) => value.Any(char.IsWhiteSpace);

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")]
    private static partial Regex ComponentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$")]
    private static partial Regex DigestPattern();
}
