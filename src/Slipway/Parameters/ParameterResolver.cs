using Slipway.Paths;

namespace Slipway.Parameters;

/// <summary>Finds each parameter's value by precedence: command line &gt; environment (<c>SLIPWAY_NAME</c>, then
/// <c>NAME</c>) &gt; profile files &gt; <c>.nuke/parameters.json</c>; unset parameters keep the default in code.
/// Unknown names on the command line or in a file fail with one message; secrets are registered before anything
/// is converted, so no error can show them.</summary>
internal sealed class ParameterResolver(
    IReadOnlyList<ParameterDeclaration> declarations,
    AbsolutePath root,
    SecretValues secrets)
{
    /// <summary>Names that are not parameters but are allowed in files and suggested on the command line (built-in options).</summary>
    public IReadOnlyCollection<string> BuiltInNames { get; init; } = [];

    /// <summary>The subset of <see cref="BuiltInNames"/> that parameters files may set.</summary>
    public IReadOnlyCollection<string> BuiltInFileKeys { get; init; } = [];

    public ResolvedParameters Resolve(
        IReadOnlyList<ParameterArgument> arguments, IReadOnlyDictionary<string, string> environment, ParameterFiles files)
    {
        var fromCommandLine = MatchArguments(arguments);
        RejectUnknownFileKeys(files);
        var fromEnvironment = EnvironmentLookup.Create(environment);
        foreach (var declaration in declarations.Where(declaration => declaration.IsSecret))
            RegisterSecrets(declaration, fromCommandLine.GetValueOrDefault(declaration), fromEnvironment.Find(declaration.Name), files);

        var values = new Dictionary<ParameterDeclaration, ResolvedValue>();
        foreach (var declaration in declarations)
        {
            if (fromCommandLine.TryGetValue(declaration, out var argument))
                values[declaration] = Convert(declaration, argument.Switch, converter => converter.FromArguments(argument.Values));
            else if (fromEnvironment.Find(declaration.Name) is { } variable)
                values[declaration] = Convert(declaration, $"environment variable {variable.Name}", converter => converter.FromText(variable.Value));
            else if (files.Find(declaration.Name) is { } entry)
                values[declaration] = Convert(declaration, entry.Origin, converter => converter.FromJson(entry.Value));
        }
        return new ResolvedParameters(declarations, values);
    }

    private ResolvedValue Convert(ParameterDeclaration declaration, string origin, Func<ParameterConverter, object?> convert) =>
        new(convert(new ParameterConverter(declaration, root, origin)), origin);

    private Dictionary<ParameterDeclaration, ParameterArgument> MatchArguments(IReadOnlyList<ParameterArgument> arguments)
    {
        var matched = new Dictionary<ParameterDeclaration, ParameterArgument>();
        foreach (var argument in arguments)
        {
            var declaration = declarations.FirstOrDefault(candidate => ParameterName.Equal(candidate.Name, argument.Name))
                ?? throw new SlipwayException(UnknownMessage(argument.Switch, argument.Name));
            if (!matched.TryAdd(declaration, argument))
                throw new SlipwayException($"parameter {declaration.Switch} is given twice");
        }
        return matched;
    }

    private void RejectUnknownFileKeys(ParameterFiles files)
    {
        var known = declarations.Select(declaration => declaration.Name).Concat(BuiltInFileKeys).ToArray();
        if (files.Unknown(known).FirstOrDefault() is { } unknown)
        {
            var closest = ParameterName.Closest(unknown.Key, known);
            throw new SlipwayException(
                $"{unknown.Origin}: unknown parameter '{unknown.Key}'" + (closest is null ? "" : $"; did you mean '{closest}'?"));
        }
    }

    private string UnknownMessage(string typed, string name)
    {
        var candidates = declarations.Select(declaration => declaration.Name).Concat(BuiltInNames);
        var closest = ParameterName.Closest(name, candidates);
        var hint = closest is null ? "" : $"; did you mean --{ParameterName.Dashed(closest)}?";
        return $"unknown parameter {typed}{hint} (see --help for the parameters and options)";
    }

    private void RegisterSecrets(
        ParameterDeclaration declaration, ParameterArgument? argument, EnvironmentLookup.Variable? variable, ParameterFiles files)
    {
        foreach (var value in argument?.Values ?? [])
            AddSecret(declaration, value);
        AddSecret(declaration, variable?.Value);
        foreach (var entry in files.Files.SelectMany(file => file.Entries).Where(entry => ParameterName.Equal(entry.Key, declaration.Name)))
        {
            if (entry.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                foreach (var item in entry.Value.EnumerateArray())
                    AddSecret(declaration, item.ToString());
            }
            AddSecret(declaration, entry.Value.ToString());
        }
    }

    /// <summary>The whole value, and for arrays each element, so a part printed alone is masked too.</summary>
    private void AddSecret(ParameterDeclaration declaration, string? value)
    {
        secrets.Add(value, declaration.Switch);
        if (value is not null && declaration.Type.IsArray)
        {
            foreach (var part in value.Split(declaration.Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                secrets.Add(part, declaration.Switch);
        }
    }
}
