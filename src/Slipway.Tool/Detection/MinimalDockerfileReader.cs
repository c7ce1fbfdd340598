using System.Text.RegularExpressions;

namespace Slipway.Tool.Detection;

/// <summary>Just enough of the Dockerfile grammar for setup: line continuations, comments, <c>ARG</c> defaults,
/// <c>FROM ... AS</c>, <c>COPY/ADD --from</c> and where a virtual environment is made. Everything else is skipped.</summary>
internal sealed partial class MinimalDockerfileReader : IDockerfileReader
{
    public DockerfileSummary Read(string path, string text)
    {
        var stages = new List<(string? Name, string Base, string? Argument, List<string> CopiesFrom)>();
        var arguments = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? venv = null;
        foreach (var line in LogicalLines(text))
        {
            var (instruction, rest) = Split(line);
            switch (instruction)
            {
                case "ARG":
                    foreach (var declaration in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var equals = declaration.IndexOf('=');
                        var name = equals < 0 ? declaration : declaration[..equals];
                        if (equals >= 0 || !arguments.ContainsKey(name))
                            arguments[name] = equals < 0 ? null : Unquote(declaration[(equals + 1)..]);
                    }
                    break;
                case "FROM":
                    var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(word => !word.StartsWith("--")).ToArray();
                    if (words.Length == 0)
                        break;
                    var stageName = words.Length >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                    var argument = ArgumentReference().Match(words[0]) is { Success: true } match ? match.Groups["name"].Value : null;
                    stages.Add((stageName, words[0], argument, []));
                    break;
                case "COPY" or "ADD" when stages.Count > 0:
                    if (CopyFrom().Match(rest) is { Success: true } from)
                        stages[^1].CopiesFrom.Add(from.Groups["from"].Value);
                    break;
                case "RUN" or "ENV":
                    venv ??= VenvCreation().Match(rest) is { Success: true } created ? created.Groups["path"].Value : null;
                    break;
            }
        }
        return new DockerfileSummary(
            path,
            stages.Select(stage => new DockerfileStage(stage.Name, stage.Base, stage.Argument, stage.CopiesFrom)).ToArray(),
            arguments,
            venv);
    }

    /// <summary>Instructions with their continuations joined, comment lines and blank lines left out.</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = "";
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#'))
                continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            if (current.Trim().Length > 0)
                yield return current.Trim();
            current = "";
        }
        if (current.Trim().Length > 0)
            yield return current.Trim();
    }

    private static (string Instruction, string Arguments) Split(string line)
    {
        var space = line.IndexOfAny([' ', '\t']);
        return space < 0 ? (line.ToUpperInvariant(), "") : (line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    [GeneratedRegex(@"^\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}?$")]
    private static partial Regex ArgumentReference();

    [GeneratedRegex(@"--from=(?<from>[^\s]+)")]
    private static partial Regex CopyFrom();

    [GeneratedRegex(@"(?:-m\s+venv(?:\s+--?[\w-]+)*|uv\s+venv|VIRTUAL_ENV=)\s*(?<path>/[^\s;&]+)")]
    private static partial Regex VenvCreation();
}
