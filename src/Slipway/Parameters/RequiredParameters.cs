using System.Collections;

namespace Slipway.Parameters;

/// <summary>Checks, before any target runs, that every <c>[Required]</c> parameter has a value.</summary>
internal static class RequiredParameters
{
    public static void ThrowIfMissing(object build, ResolvedParameters parameters)
    {
        var missing = parameters.Declarations
            .Where(declaration => declaration.IsRequired && !HasValue(declaration.Read(build)))
            .Select(declaration => $"{declaration.Switch} (or environment variable {declaration.EnvironmentVariable})")
            .ToArray();
        if (missing.Length > 0)
            throw new SlipwayException($"missing required parameter{(missing.Length > 1 ? "s" : "")}: {string.Join(", ", missing)}");
    }

    public static bool HasValue(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count > 0,
        _ => true,
    };
}
