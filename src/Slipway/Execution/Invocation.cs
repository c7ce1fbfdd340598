namespace Slipway.Execution;

/// <summary>Everything one run of a build reads from outside: arguments, environment, directory, output, cancellation.
/// A test builds its own; nothing in the engine reads the process's environment behind it (nuke#1140).</summary>
public sealed record Invocation(IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public TextWriter Output { get; init; } = TextWriter.Null;

    /// <summary>Colour is used only on a terminal.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Columns and rows of the terminal the output goes to, when the process's own console is not that
    /// terminal (a run served by the build server); null: the console's.</summary>
    public (int Columns, int Rows)? TerminalWindow { get; init; }

    public CancellationToken Cancellation { get; init; }

    /// <summary>Values handed to the targets instead of being produced: a test runs a target without its producer
    /// (<c>Values = [inputs]</c>), and the producer is skipped as given.</summary>
    public IReadOnlyList<object> Values { get; init; } = [];

    public static Invocation FromProcess(string[] arguments, CancellationToken cancellation) =>
        new(arguments)
        {
            Environment = System.Environment.GetEnvironmentVariables()
                .Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal),
            Output = Console.Out,
            OutputIsTerminal = !Console.IsOutputRedirected,
            Cancellation = cancellation,
        };
}
