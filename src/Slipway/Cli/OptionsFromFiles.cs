using System.Text.Json;
using Slipway.Parameters;

namespace Slipway.Cli;

/// <summary>Fills the options that parameters files may set (<c>Target</c>, <c>Skip</c>, <c>Verbosity</c>, <c>NoLogo</c>)
/// where the command line left them out.</summary>
internal static class OptionsFromFiles
{
    public static CommandLine Apply(CommandLine commandLine, ParameterFiles files)
    {
        var options = commandLine.Options.ToDictionary(pair => pair.Key, pair => pair.Value);
        var targets = commandLine.Targets;
        foreach (var option in BuiltInOptions.All.Where(option => option.FileKey is not null))
        {
            if (commandLine.Has(option.Name) || files.Find(option.FileKey!) is not { } entry)
                continue;
            if (option.Name == BuiltInOptions.Target)
            {
                if (targets.Count == 0)
                    targets = Words(entry);
                continue;
            }
            if (ValuesOf(option, entry) is { } values)
                options[option.Name] = values;
        }
        var result = commandLine with { Targets = targets, Options = options };
        _ = result.Verbosity;
        return result;
    }

    /// <summary>The option's values as the command line would hold them, or null when the entry leaves it unset.</summary>
    private static IReadOnlyList<string>? ValuesOf(BuiltInOption option, ParameterFileEntry entry)
    {
        var value = entry.Value;
        return option.Arity switch
        {
            OptionArity.None => value.ValueKind switch
            {
                JsonValueKind.True => [],
                JsonValueKind.False or JsonValueKind.Null => null,
                _ => throw Invalid(entry, "true or false"),
            },
            OptionArity.AnyNumber => value.ValueKind switch
            {
                JsonValueKind.True => [],
                JsonValueKind.False or JsonValueKind.Null => null,
                _ => Words(entry) is { Count: > 0 } words ? words : null,
            },
            _ => value.ValueKind == JsonValueKind.String ? [value.GetString()!] : throw Invalid(entry, "a string"),
        };
    }

    private static IReadOnlyList<string> Words(ParameterFileEntry entry) => entry.Value.ValueKind switch
    {
        JsonValueKind.String => entry.Value.GetString()!.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
        JsonValueKind.Array when entry.Value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String) =>
            entry.Value.EnumerateArray().Select(item => item.GetString()!).ToArray(),
        _ => throw Invalid(entry, "a target name or an array of them"),
    };

    private static SlipwayException Invalid(ParameterFileEntry entry, string expected) =>
        new($"{entry.Origin}: '{entry.Key}' must be {expected}");
}
