using Slipway.Paths;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// A Dockerfile read for what Slipway needs: its parser directives, global ARGs, stages (with their bases and
/// instructions, line numbers kept) — and from those, which context paths a stage reads
/// (<see cref="ReadsFromContext"/>), which ARGs feed which FROM (<see cref="BaseArguments"/>) and the text with a stage
/// replaced by an image (<see cref="ReplacingStage"/>). Nothing is run and nothing else is read from disk.
/// </summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string source, string text, char escape, string? syntax,
        IReadOnlyList<DockerfileArg> globalArgs, IReadOnlyList<DockerfileStage> stages)
    {
        Source = source;
        Text = text;
        Escape = escape;
        Syntax = syntax;
        GlobalArgs = globalArgs;
        Stages = stages;
    }

    /// <summary>How messages name the file (its path as the user knows it).</summary>
    public string Source { get; }

    /// <summary>The text as read.</summary>
    public string Text { get; }

    /// <summary>The escape character: <c>\</c>, or <c>`</c> with <c># escape=`</c>.</summary>
    public char Escape { get; }

    /// <summary>The <c># syntax=</c> directive (the frontend image), if any.</summary>
    public string? Syntax { get; }

    /// <summary>The ARGs before the first FROM: the only variables a FROM line can use.</summary>
    public IReadOnlyList<DockerfileArg> GlobalArgs { get; }

    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The last stage: what a build without <c>--target</c> produces.</summary>
    public DockerfileStage FinalStage => Stages[^1];

    public static Dockerfile Read(AbsolutePath path, string? source = null)
    {
        if (!path.FileExists)
            throw new SlipwayException($"Dockerfile {source ?? path.Value} does not exist");
        return Parse(File.ReadAllText(path), source ?? path.Value);
    }

    public static Dockerfile Parse(string text, string source = "Dockerfile")
    {
        var lexed = DockerfileLexer.Read(text, source);
        var globalArgs = new List<DockerfileArg>();
        var stages = new List<DockerfileStage>();
        var body = new List<DockerfileInstruction>();
        DockerfileInstruction? from = null;
        (string? Name, string Base, string? Platform) header = default;

        void Close(int lastLine)
        {
            if (from is null)
                return;
            stages.Add(new DockerfileStage(stages.Count, header.Name, header.Base!, header.Platform, from.Line, lastLine, body.ToArray()));
            body.Clear();
        }

        foreach (var instruction in lexed.Instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                Close(instruction.Line - 1);
                from = instruction;
                header = ParseFrom(instruction, source);
                if (header.Name is { } name && stages.Any(stage => stage.Name == name))
                    throw new SlipwayException($"{source} line {instruction.Line}: stage name '{name}' is used twice");
            }
            else if (from is not null)
                body.Add(instruction);
            else if (instruction.Keyword == "ARG")
                globalArgs.AddRange(ParseArgs(instruction, lexed.Escape));
            else
                throw new SlipwayException($"{source} line {instruction.Line}: {instruction.Keyword} before the first FROM (only ARG may come first)");
        }
        Close(text.Split('\n').Length);
        if (stages.Count == 0)
            throw new SlipwayException($"{source}: no FROM line, so no stage to build");
        return new Dockerfile(source, text, lexed.Escape, lexed.Syntax, globalArgs, stages);
    }

    /// <summary>The stage <c>--target</c> names (by name or index), or the last one for null.</summary>
    public DockerfileStage Stage(string? target)
    {
        if (string.IsNullOrEmpty(target))
            return FinalStage;
        return Stages.FirstOrDefault(stage => stage.IsNamedBy(target))
            ?? throw new SlipwayException(
                $"{Source} has no stage '{target}' (its stages: {string.Join(", ", Stages.Select(stage => stage.Label))})");
    }

    private static (string? Name, string Base, string? Platform) ParseFrom(DockerfileInstruction from, string source)
    {
        var flags = InstructionFlags.Split(from.Arguments);
        var words = flags.Rest.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            [var image] => (null, image, flags.Value("platform")),
            [var image, var keyword, var name] when keyword.Equals("AS", StringComparison.OrdinalIgnoreCase) =>
                (name.ToLowerInvariant(), image, flags.Value("platform")),
            _ => throw new SlipwayException($"{source} line {from.Line}: FROM takes an image and optionally 'AS name', not '{from.Arguments}'"),
        };
    }

    /// <summary>The ARGs declared inside <paramref name="stage"/>, in order.</summary>
    public IReadOnlyList<DockerfileArg> ArgsOf(DockerfileStage stage) =>
        stage.Instructions.Where(instruction => instruction.Keyword == "ARG").SelectMany(instruction => ParseArgs(instruction, Escape)).ToArray();

    /// <summary><c>ARG A</c>, <c>ARG A=x</c>, <c>ARG A="x y" B=z</c>: quotes removed, defaults not yet expanded.</summary>
    internal static IEnumerable<DockerfileArg> ParseArgs(DockerfileInstruction instruction, char escape)
    {
        foreach (var word in RawWords(instruction.Arguments, escape))
        {
            var equals = word.IndexOf('=');
            yield return equals < 0
                ? new DockerfileArg(word, null, instruction.Line)
                : new DockerfileArg(word[..equals], Unquote(word[(equals + 1)..]), instruction.Line);
        }
    }

    /// <summary>Words split on blanks outside quotes, quotes kept (expansion happens later, with the stage's variables).</summary>
    internal static IEnumerable<string> RawWords(string text, char escape)
    {
        var start = -1;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == escape && quote == '"' && i + 1 < text.Length)
                    i++;
                else if (c == quote)
                    quote = '\0';
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (start >= 0)
                    yield return text[start..i];
                start = -1;
                continue;
            }
            if (start < 0)
                start = i;
            if (c == escape && i + 1 < text.Length)
                i++;
            else if (c is '"' or '\'')
                quote = c;
        }
        if (start >= 0)
            yield return text[start..];
    }

    private static string Unquote(string value) =>
        value is ['"', .., '"'] or ['\'', .., '\''] && value.Length >= 2 ? value[1..^1] : value;
}
