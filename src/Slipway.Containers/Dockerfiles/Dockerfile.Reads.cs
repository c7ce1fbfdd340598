using System.Text.Json;
using Slipway.Containers.Engine;

namespace Slipway.Containers.Dockerfiles;

public sealed partial class Dockerfile
{
    private static readonly IReadOnlyDictionary<string, string> NoBuildArgs = new Dictionary<string, string>();

    /// <summary>
    /// The context paths that building <paramref name="target"/> (default: the last stage) reads: COPY/ADD sources that are
    /// not <c>--from</c> a stage or an image, and <c>RUN --mount=type=bind</c> sources without <c>from=</c> (the whole context
    /// when no <c>source=</c>), over the target and every stage it is built from or copies/mounts <c>--from</c>, with ARG
    /// defaults and <paramref name="buildArgs"/> substituted. Heredoc sources and URLs read nothing from the context.
    /// </summary>
    public ContextReads ReadsFromContext(string? target = null, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        buildArgs ??= NoBuildArgs;
        var globals = StageScope.Globals(GlobalArgs, buildArgs, Escape);
        var evaluated = new Dictionary<int, StageEvaluation>();
        var order = new List<DockerfileStage>();
        var reads = new List<ContextRead>();
        var pending = new Stack<DockerfileStage>([Stage(target)]);
        while (pending.TryPop(out var stage))
        {
            if (order.Contains(stage))
                continue;
            order.Add(stage);
            var evaluation = Evaluate(stage, globals, buildArgs, evaluated);
            reads.AddRange(evaluation.Reads);
            foreach (var dependency in evaluation.Dependencies.AsEnumerable().Reverse())
                pending.Push(dependency);
        }
        return new ContextReads(Source, Stage(target), order, reads);
    }

    /// <summary>What one stage reads and which stages it needs; evaluated once per stage (a base stage's ENV carries over).</summary>
    private sealed record StageEvaluation(IReadOnlyList<ContextRead> Reads, IReadOnlyList<DockerfileStage> Dependencies,
        IReadOnlyDictionary<string, string> Environment);

    private StageEvaluation Evaluate(DockerfileStage stage, IReadOnlyDictionary<string, string?> globals,
        IReadOnlyDictionary<string, string> buildArgs, Dictionary<int, StageEvaluation> evaluated)
    {
        if (evaluated.TryGetValue(stage.Index, out var done))
            return done;
        var dependencies = new List<DockerfileStage>();
        var baseStage = StageNamed(ShellWords.Expand(stage.Base, Escape, name => globals.GetValueOrDefault(name)), before: stage.Index);
        IReadOnlyDictionary<string, string>? inherited = null;
        if (baseStage is not null)
        {
            dependencies.Add(baseStage);
            inherited = Evaluate(baseStage, globals, buildArgs, evaluated).Environment;
        }
        var scope = new StageScope(globals, buildArgs, Escape, inherited);
        var reads = new List<ContextRead>();
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "ARG":
                    foreach (var arg in ParseArgs(instruction, Escape))
                        scope.Declare(arg);
                    break;
                case "ENV":
                    scope.Set(instruction);
                    break;
                case "COPY" or "ADD":
                    Copy(stage, instruction, scope, reads, dependencies);
                    break;
                case "RUN":
                    Run(stage, instruction, scope, reads, dependencies);
                    break;
            }
        }
        var evaluation = new StageEvaluation(reads, dependencies, new Dictionary<string, string>(scope.Environment));
        evaluated[stage.Index] = evaluation;
        return evaluation;
    }

    private void Copy(DockerfileStage stage, DockerfileInstruction instruction, StageScope scope,
        List<ContextRead> reads, List<DockerfileStage> dependencies)
    {
        var flags = InstructionFlags.Split(instruction.Arguments);
        var words = JsonForm(flags.Rest) is { } json ? json.Select(scope.Expand).ToArray() : scope.Words(flags.Rest);
        if (flags.Value("from") is { } from)
        {
            if (StageNamed(scope.Expand(from), before: int.MaxValue, except: stage.Index) is { } source)
                dependencies.Add(source);
            return; // from a stage or an image: nothing from the context
        }
        if (words.Count < 2)
            return;
        var excludes = flags.Values("exclude").Select(scope.Expand).ToArray();
        foreach (var word in words.Take(words.Count - 1))
        {
            if (instruction.Heredocs.Count > 0 && word.StartsWith("<<", StringComparison.Ordinal))
                continue; // a heredoc is the file's content itself
            if (instruction.Keyword == "ADD" && (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("git@", StringComparison.Ordinal)))
                continue;
            reads.Add(new ContextRead(CleanSource(word), Source, stage.Label, instruction.Line, instruction.Keyword, excludes));
        }
    }

    private void Run(DockerfileStage stage, DockerfileInstruction instruction, StageScope scope,
        List<ContextRead> reads, List<DockerfileStage> dependencies)
    {
        foreach (var mount in InstructionFlags.Split(instruction.Arguments).Values("mount"))
        {
            var options = MountOptions(scope.Expand(mount));
            var type = options.GetValueOrDefault("type", "bind");
            if (options.TryGetValue("from", out var from))
            {
                if (StageNamed(from, before: int.MaxValue, except: stage.Index) is { } source)
                    dependencies.Add(source);
                continue;
            }
            if (type != "bind")
                continue; // cache, tmpfs, secret and ssh mounts read nothing from the context
            var path = options.GetValueOrDefault("source") ?? options.GetValueOrDefault("src") ?? ".";
            reads.Add(new ContextRead(CleanSource(path), Source, stage.Label, instruction.Line, "RUN --mount", []));
        }
    }

    /// <summary>A <c>--mount</c> value's options (<c>type=bind,from=builder,source=/app</c>), names in lower case; a bare name is <c>true</c>.</summary>
    private static Dictionary<string, string> MountOptions(string mount) =>
        mount.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(option => option.Split('=', 2))
            .GroupBy(pair => pair[0].ToLowerInvariant())
            .ToDictionary(group => group.Key, group => group.Last().ElementAtOrDefault(1) ?? "true");

    private DockerfileStage? StageNamed(string reference, int before, int except = -1) =>
        Stages.FirstOrDefault(stage => stage.Index < before && stage.Index != except && stage.IsNamedBy(reference));

    /// <summary>The JSON form <c>["a", "b", "/dest"]</c>, or null when the text is not a JSON array of strings (then it is shell words, as in BuildKit).</summary>
    private static string[]? JsonForm(string text)
    {
        if (!text.StartsWith('['))
            return null;
        try
        {
            return JsonSerializer.Deserialize(text, DockerfileJson.Default.StringArray);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A source as a path relative to the context: <c>/a</c>, <c>./a</c> and <c>../a</c> are all <c>a</c>
    /// (nothing can leave the context), an empty or root source is <c>.</c>.</summary>
    internal static string CleanSource(string source)
    {
        var cleaned = DockerIgnore.CleanPath("/" + source.Replace('\\', '/'));
        return cleaned == "/" ? "." : cleaned[1..];
    }
}
