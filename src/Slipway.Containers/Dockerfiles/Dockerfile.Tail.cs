using System.Collections.Frozen;

namespace Slipway.Containers.Dockerfiles;

public sealed partial class Dockerfile
{
    private static readonly FrozenSet<string> MetadataOnly = new[]
    {
        "ENV", "LABEL", "EXPOSE", "USER", "CMD", "ENTRYPOINT", "STOPSIGNAL", "HEALTHCHECK", "ARG", "SHELL", "MAINTAINER", "VOLUME",
    }.ToFrozenSet();

    /// <summary>
    /// The trailing instructions of stage <paramref name="builderStage"/> whose output no other stage of this file sees,
    /// when they include a COPY/ADD from the context (else none): walking back from the end, metadata-only instructions,
    /// and COPY/ADD from the context and WORKDIR whose destination (resolved against WORKDIR) is neither inside nor above
    /// a path another stage copies or mounts <c>--from</c> the builder. The walk stops at anything else (a RUN, a COPY
    /// <c>--from</c>, a destination it cannot resolve); a stage built FROM the builder sees all of it, so nothing is left out.
    /// </summary>
    public BuilderTail UnseenTailOf(string builderStage)
    {
        var builder = Stage(builderStage);
        var seen = SeenFrom(builder);
        if (seen.Everything is { } everything)
            return new BuilderTail(builder.Label, [], everything);
        var writes = WritesOf(builder);
        var leftOut = new List<LeftOutInstruction>();
        string? kept = null;
        for (var i = builder.Instructions.Count - 1; i >= 0 && kept is null; i--)
        {
            var instruction = builder.Instructions[i];
            var (unseen, keptWhy) = WhyUnseen(instruction, writes[i], seen.Paths, builder);
            if (keptWhy is not null)
                kept = $"{Source} line {instruction.Line}: {BuilderTail.Shorten(instruction)}: {keptWhy}";
            else
                leftOut.Insert(0, new LeftOutInstruction(Source, instruction, unseen!));
        }
        var readsContext = leftOut.Any(item => item.Instruction.Keyword is "COPY" or "ADD");
        return new BuilderTail(builder.Label, readsContext ? leftOut : [], kept);
    }

    /// <summary>This Dockerfile with the instructions of <paramref name="tail"/> as blank lines (line numbers still match the file).</summary>
    public Dockerfile LeavingOut(BuilderTail tail)
    {
        if (tail.IsEmpty)
            return this;
        var lines = Text.Split('\n');
        foreach (var instruction in tail.LeftOut.Select(item => item.Instruction))
            for (var line = instruction.Line; line <= Math.Min(instruction.LastLine, lines.Length); line++)
                lines[line - 1] = lines[line - 1].EndsWith('\r') ? "\r" : "";
        return Parse(string.Join('\n', lines), Source);
    }

    private (string? Unseen, string? Kept) WhyUnseen(
        DockerfileInstruction instruction, string? destination, IReadOnlyList<(string Path, string Stage)> seen, DockerfileStage builder)
    {
        if (MetadataOnly.Contains(instruction.Keyword))
            return ("metadata only", null);
        if (instruction.Keyword is not ("COPY" or "ADD" or "WORKDIR"))
            return (null, $"a {instruction.Keyword} may use what the instructions before it wrote, so they stay");
        var flags = InstructionFlags.Split(instruction.Arguments);
        if (flags.Value("from") is not null)
            return (null, "copies from another stage or image");
        if (instruction.Keyword == "ADD" && SourceWords(flags.Rest).Any(word => word.Contains("://", StringComparison.Ordinal) || word.StartsWith("git@", StringComparison.Ordinal)))
            return (null, "downloads");
        if (destination is null)
            return (null, "where it writes cannot be told (a relative path with no WORKDIR before it, or a variable without a value)");
        foreach (var (path, stage) in seen)
            if (Overlaps(destination, path))
                return (null, $"stage {stage} copies {path} from {builder.Label}");
        return ($"no later stage copies {destination} from {builder.Label}", null);
    }

    /// <summary>What other stages take from <paramref name="builder"/>: the paths they copy or mount <c>--from</c> it
    /// (a glob as the folder it starts in), or, when a stage is built FROM it or a path cannot be resolved, why all of it.</summary>
    private (IReadOnlyList<(string Path, string Stage)> Paths, string? Everything) SeenFrom(DockerfileStage builder)
    {
        var defaults = StageScope.Globals(GlobalArgs, NoBuildArgs, Escape);
        bool IsBuilder(string from, DockerfileStage stage) =>
            StageNamed(ShellWords.Expand(from, Escape, name => defaults.GetValueOrDefault(name)), int.MaxValue, stage.Index)?.Index == builder.Index;
        var paths = new List<(string, string)>();
        foreach (var stage in Stages.Where(stage => stage.Index != builder.Index))
        {
            if (IsBuiltFrom(stage, builder))
                return (paths, $"stage {stage.Label} is built FROM {builder.Label} and sees all of it");
            foreach (var instruction in stage.Instructions)
            {
                var flags = InstructionFlags.Split(instruction.Arguments);
                var sources = new List<string>();
                if (instruction.Keyword is "COPY" or "ADD" && flags.Value("from") is { } from && IsBuilder(from, stage))
                    sources.AddRange(SourceWords(flags.Rest));
                if (instruction.Keyword == "RUN")
                    foreach (var options in flags.Values("mount").Select(MountOptions))
                        if (options.TryGetValue("from", out var mounted) && IsBuilder(mounted, stage))
                            sources.Add(options.GetValueOrDefault("source") ?? options.GetValueOrDefault("src") ?? "/");
                foreach (var source in sources)
                {
                    if (source.Contains('$'))
                        return (paths, $"{Source} line {instruction.Line}: stage {stage.Label} takes {source} from {builder.Label}, a path Slipway does not resolve");
                    paths.Add((SeenPath(source), stage.Label));
                }
            }
        }
        return (paths, null);
    }

    private bool IsBuiltFrom(DockerfileStage stage, DockerfileStage builder)
    {
        for (var parent = BaseStageOf(stage); parent is not null; parent = BaseStageOf(parent))
            if (parent.Index == builder.Index)
                return true;
        return false;
    }

    /// <summary>Where each instruction of <paramref name="stage"/> writes (COPY/ADD destination, WORKDIR), as an absolute
    /// path; null where it writes nothing or where that cannot be told.</summary>
    private string?[] WritesOf(DockerfileStage stage)
    {
        var scope = new StageScope(StageScope.Globals(GlobalArgs, NoBuildArgs, Escape), NoBuildArgs, Escape, null);
        string? workdir = null;
        var writes = new string?[stage.Instructions.Count];
        for (var i = 0; i < writes.Length; i++)
        {
            var instruction = stage.Instructions[i];
            switch (instruction.Keyword)
            {
                case "ARG":
                    foreach (var arg in ParseArgs(instruction, Escape))
                        scope.Declare(arg);
                    break;
                case "ENV":
                    scope.Set(instruction);
                    break;
                case "WORKDIR":
                    workdir = writes[i] = Resolve(workdir, ExpandKnown(instruction.Arguments.Trim(), scope));
                    break;
                case "COPY" or "ADD":
                    var words = SourceWords(InstructionFlags.Split(instruction.Arguments).Rest, destination: true);
                    writes[i] = words.Count == 0 ? null : Resolve(workdir, ExpandKnown(words[^1], scope));
                    break;
            }
        }
        return writes;
    }

    /// <summary>A COPY/ADD's sources (or, with <paramref name="destination"/>, all its words), shell or JSON form, unexpanded.</summary>
    private List<string> SourceWords(string rest, bool destination = false)
    {
        var words = JsonForm(rest)?.ToList() ?? RawWords(rest, Escape).ToList();
        return destination || words.Count == 0 ? words : words[..^1];
    }

    private string? ExpandKnown(string text, StageScope scope)
    {
        var missing = false;
        var expanded = ShellWords.Expand(text, Escape, name =>
        {
            var value = scope.Lookup(name);
            missing |= value is null;
            return value;
        });
        return missing ? null : expanded;
    }

    private static string? Resolve(string? workdir, string? path) =>
        path is null ? null
        : path.StartsWith('/') ? NormalPath(path)
        : workdir is null ? null
        : NormalPath(workdir + "/" + path);

    /// <summary>A source another stage takes from the builder's root: a glob becomes the folder it starts in.</summary>
    private static string SeenPath(string source)
    {
        var wildcard = source.IndexOfAny(['*', '?', '[']);
        if (wildcard >= 0)
            source = source[..(source[..wildcard].LastIndexOf('/') + 1)];
        return NormalPath("/" + source);
    }

    private static string NormalPath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
                parts.Add(part);
        return "/" + string.Join('/', parts);
    }

    private static bool Overlaps(string written, string seen) =>
        written == seen || written == "/" || seen == "/" || written.StartsWith(seen + "/", StringComparison.Ordinal) || seen.StartsWith(written + "/", StringComparison.Ordinal);
}
