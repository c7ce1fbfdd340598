using Slipway.Parameters;

namespace Slipway.Cli;

/// <summary>Parses <c>[targets...] [--option [values...]]...</c>. Words before the first option, and after a switch such
/// as <c>--plan</c>, are target names; the words after any other option are its values; <c>--name=value</c> works too.
/// Options that are not built in are build parameters, matched later against the build's declarations.</summary>
internal static class CommandLineParser
{
    public static CommandLine Parse(IReadOnlyList<string> arguments)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var parameters = new List<ParameterArgument>();
        var index = 0;
        while (index < arguments.Count)
        {
            var token = arguments[index++];
            if (!IsOption(token))
            {
                targets.Add(token);
                continue;
            }
            var (name, inline) = Split(token);
            var values = new List<string>();
            if (inline is not null)
                values.Add(inline);
            var option = BuiltInOptions.FindAlias(token) ?? BuiltInOptions.Find(name);
            if (option is { Arity: OptionArity.None })
            {
                if (inline is not null)
                    throw new SlipwayException($"option {option.Switch} takes no value");
            }
            else
            {
                while (inline is null && index < arguments.Count && !IsOption(arguments[index]))
                    values.Add(arguments[index++]);
            }
            if (option is null)
                parameters.Add(new ParameterArgument(name, values));
            else
                AddOption(options, option, values);
        }
        targets.AddRange(options.GetValueOrDefault(BuiltInOptions.Target) ?? []);
        var commandLine = new CommandLine(
            targets,
            options.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value),
            parameters);
        _ = commandLine.Verbosity; // a bad value fails here, with the other argument errors
        return commandLine;
    }

    /// <summary><c>--name</c>, <c>--name=value</c> and single-dash words such as <c>-h</c>; not <c>-1</c>.</summary>
    public static bool IsOption(string token) =>
        token.Length >= 2 && token[0] == '-' && (char.IsLetter(token[1]) || (token[1] == '-' && token.Length > 2));

    private static (string Name, string? Inline) Split(string token)
    {
        var name = token.TrimStart('-');
        var equals = name.IndexOf('=');
        var (bare, inline) = equals < 0 ? (name, null) : (name[..equals], name[(equals + 1)..]);
        if (bare.Length == 0)
            throw new SlipwayException($"'{token}' is not an option: expected --name or --name=value");
        return (bare, inline);
    }

    private static void AddOption(Dictionary<string, List<string>> options, BuiltInOption option, List<string> values)
    {
        switch (option.Arity)
        {
            case OptionArity.One when values.Count != 1:
                throw new SlipwayException($"option {option.Switch} takes one value {option.ValueHint}" +
                    (values.Count == 0 ? "" : $", not {values.Count}: {string.Join(" ", values)}"));
            case OptionArity.Many when values.Count == 0:
                throw new SlipwayException($"option {option.Switch} needs a value {option.ValueHint}");
        }
        if (options.TryGetValue(option.Name, out var existing))
        {
            if (option.Arity is OptionArity.One or OptionArity.None)
                throw new SlipwayException($"option {option.Switch} is given twice");
            existing.AddRange(values);
            return;
        }
        options[option.Name] = values;
    }
}
