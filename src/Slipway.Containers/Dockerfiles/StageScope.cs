namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// The variables at one point of a stage: its ENV (inherited from a base stage) and its ARGs. A stage sees a global ARG
/// only when it declares it again (<c>ARG NAME</c>); a build argument passed for a declared ARG wins over its default;
/// ENV wins over ARG of the same name.
/// </summary>
internal sealed class StageScope
{
    private readonly Dictionary<string, string?> _args = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string?> _globals;
    private readonly IReadOnlyDictionary<string, string> _buildArgs;
    private readonly char _escape;

    public StageScope(IReadOnlyDictionary<string, string?> globals, IReadOnlyDictionary<string, string> buildArgs, char escape,
        IReadOnlyDictionary<string, string>? inheritedEnvironment)
    {
        _globals = globals;
        _buildArgs = buildArgs;
        _escape = escape;
        Environment = new Dictionary<string, string>(inheritedEnvironment ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    public Dictionary<string, string> Environment { get; }

    public string? Lookup(string name) =>
        Environment.TryGetValue(name, out var value) ? value : _args.GetValueOrDefault(name);

    public string Expand(string text) => ShellWords.Expand(text, _escape, Lookup);

    public IReadOnlyList<string> Words(string text) => ShellWords.Split(text, _escape, Lookup);

    public void Declare(DockerfileArg arg) =>
        _args[arg.Name] = _buildArgs.TryGetValue(arg.Name, out var passed) ? passed
            : arg.Default is { } fallback ? Expand(fallback)
            : _globals.GetValueOrDefault(arg.Name);

    /// <summary><c>ENV A=1 B="x y"</c>, or the old <c>ENV NAME value with blanks</c>; values see the variables before the line.</summary>
    public void Set(DockerfileInstruction env)
    {
        var words = Dockerfile.RawWords(env.Arguments, _escape).ToArray();
        if (words.Length == 0)
            return;
        if (!words[0].Contains('='))
        {
            Environment[words[0]] = Expand(env.Arguments[words[0].Length..].Trim());
            return;
        }
        var values = words.Select(word => (Name: word[..Math.Max(word.IndexOf('='), 0)], Value: Expand(word[(word.IndexOf('=') + 1)..])))
            .Where(pair => pair.Name.Length > 0).ToArray();
        foreach (var (name, value) in values)
            Environment[name] = value;
    }

    /// <summary>The values of the global ARGs as a FROM line sees them: passed build arguments, else defaults (which may use earlier ones).</summary>
    public static IReadOnlyDictionary<string, string?> Globals(IEnumerable<DockerfileArg> globalArgs, IReadOnlyDictionary<string, string> buildArgs, char escape)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in PlatformArguments.Names)
            if (buildArgs.TryGetValue(name, out var predefined))
                values[name] = predefined; // BuildKit defines these in the global scope without an ARG line
        foreach (var arg in globalArgs)
            values[arg.Name] = buildArgs.TryGetValue(arg.Name, out var passed) ? passed
                : arg.Default is { } fallback ? ShellWords.Expand(fallback, escape, name => values.GetValueOrDefault(name))
                : null;
        return values;
    }
}
