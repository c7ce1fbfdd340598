using System.Collections;
using System.Globalization;
using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Cli;

/// <summary>A parameter's value as help shows it: paths relative to the root, arrays space-separated, secrets masked.</summary>
internal static class ValueText
{
    public static string Of(object? value, AbsolutePath root, bool secret) => value switch
    {
        null => "(not set)",
        _ when secret => RequiredParameters.HasValue(value) ? SecretValues.Mask : "(not set)",
        string text => text.Length == 0 ? "\"\"" : text,
        bool flag => flag ? "true" : "false",
        AbsolutePath path => Path(path, root),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => Items(items, root),
        _ => value.ToString() ?? "",
    };

    private static string Items(IEnumerable items, AbsolutePath root)
    {
        var texts = items.Cast<object?>().Select(item => Of(item, root, false)).ToArray();
        return texts.Length == 0 ? "(empty)" : string.Join(" ", texts);
    }

    private static string Path(AbsolutePath path, AbsolutePath root)
    {
        var relative = path.RelativeTo(root);
        return path == root ? "." : relative.StartsWith("..", StringComparison.Ordinal) ? path.Value : "./" + relative;
    }
}
