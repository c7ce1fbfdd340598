using System.Text.RegularExpressions;

namespace Slipway.Containers.Dockerfiles;

/// <summary>The <c>--name[=value]</c> words in front of an instruction's arguments, and the arguments after them.</summary>
internal sealed partial record InstructionFlags(IReadOnlyList<KeyValuePair<string, string?>> Flags, string Rest)
{
    [GeneratedRegex(@"^--([A-Za-z][A-Za-z0-9\-]*)(?:=(""[^""]*""|'[^']*'|\S*))?(?:\s+|$)")]
    private static partial Regex Flag();

    public static InstructionFlags Split(string arguments)
    {
        var flags = new List<KeyValuePair<string, string?>>();
        var rest = arguments.TrimStart();
        while (Flag().Match(rest) is { Success: true } match)
        {
            var value = match.Groups[2].Success ? match.Groups[2].Value : null;
            if (value is ['"', .., '"'] or ['\'', .., '\''])
                value = value[1..^1];
            flags.Add(new(match.Groups[1].Value.ToLowerInvariant(), value));
            rest = rest[match.Length..];
        }
        return new InstructionFlags(flags, rest.Trim());
    }

    public string? Value(string name) => Flags.LastOrDefault(flag => flag.Key == name).Value;

    public IEnumerable<string> Values(string name) =>
        Flags.Where(flag => flag.Key == name && flag.Value is not null).Select(flag => flag.Value!);

    public bool Has(string name) => Flags.Any(flag => flag.Key == name);
}
