using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// Turns a Dockerfile's text into instructions as BuildKit's parser does: parser directives at the very top
/// (<c># syntax=</c>, <c># escape=</c>), comment lines (also between continuation lines), blank lines, lines continued with
/// the escape character, and heredoc bodies of RUN/COPY/ADD read verbatim (never taken for instructions).
/// </summary>
internal static partial class DockerfileLexer
{
    public sealed record Result(char Escape, string? Syntax, IReadOnlyList<DockerfileInstruction> Instructions);

    [GeneratedRegex(@"^#\s*([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")]
    private static partial Regex Directive();

    // <<EOF, <<-EOF, <<"EOF", <<'EOF' at the start of a word
    [GeneratedRegex(@"\G<<(-?)([""']?)([A-Za-z0-9_][A-Za-z0-9_.\-]*)\2")]
    private static partial Regex HeredocMarker();

    private static readonly IReadOnlySet<string> HeredocKeywords = new HashSet<string>(["RUN", "COPY", "ADD"]).ToFrozenSet();

    public static Result Read(string text, string source)
    {
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        var escape = '\\';
        string? syntax = null;
        var index = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (; index < lines.Length; index++)
        {
            var match = Directive().Match(lines[index]);
            if (!match.Success)
                break;
            var name = match.Groups[1].Value.ToLowerInvariant();
            var value = match.Groups[2].Value;
            if (!seen.Add(name))
                throw new SlipwayException($"{source} line {index + 1}: parser directive '{name}' is given twice");
            if (name == "escape")
            {
                if (value is not ("\\" or "`"))
                    throw new SlipwayException($"{source} line {index + 1}: the escape directive takes \\ or `, not '{value}'");
                escape = value[0];
            }
            else if (name == "syntax")
                syntax = value;
        }

        var instructions = new List<DockerfileInstruction>();
        while (index < lines.Length)
        {
            var first = lines[index];
            var trimmed = first.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                index++;
                continue;
            }
            var start = index;
            var logical = new StringBuilder();
            while (true)
            {
                var line = lines[index].TrimEnd();
                var continued = line.EndsWith(escape); // as BuildKit: an escape character, then only blanks
                logical.Append(continued ? line[..^1] : lines[index]);
                index++;
                if (!continued)
                    break;
                // comment and blank lines inside a continuation are skipped
                while (index < lines.Length && (lines[index].TrimStart() is { Length: 0 } or ['#', ..]))
                    index++;
                if (index >= lines.Length)
                    break;
            }
            var content = logical.ToString().Trim();
            var split = content.IndexOfAny([' ', '\t']);
            var keyword = (split < 0 ? content : content[..split]).ToUpperInvariant();
            var arguments = split < 0 ? "" : content[(split + 1)..].Trim();
            var heredocs = new List<Heredoc>();
            if (HeredocKeywords.Contains(keyword))
            {
                foreach (var marker in HeredocMarkers(arguments, escape))
                {
                    var stripTabs = marker.Groups[1].Value == "-";
                    var name = marker.Groups[3].Value;
                    var bodyStart = index;
                    var body = new StringBuilder();
                    while (index < lines.Length && (stripTabs ? lines[index].TrimStart('\t') : lines[index]) != name)
                    {
                        body.Append(stripTabs ? lines[index].TrimStart('\t') : lines[index]).Append('\n');
                        index++;
                    }
                    if (index >= lines.Length)
                        throw new SlipwayException($"{source} line {start + 1}: heredoc <<{name} is never closed (no line '{name}')");
                    index++; // the delimiter line
                    heredocs.Add(new Heredoc(name, body.ToString(), stripTabs, marker.Groups[2].Value.Length > 0, bodyStart + 1));
                }
            }
            instructions.Add(new DockerfileInstruction(keyword, arguments, start + 1, index, heredocs));
        }
        return new Result(escape, syntax, instructions);
    }

    /// <summary>The heredoc markers at the start of a word and outside quotes (<c>echo "&lt;&lt;EOF"</c> is no heredoc).</summary>
    private static IEnumerable<Match> HeredocMarkers(string arguments, char escape)
    {
        var quote = '\0';
        for (var i = 0; i < arguments.Length; i++)
        {
            var c = arguments[i];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
                else if (c == escape && quote == '"')
                    i++;
                continue;
            }
            if (c == escape)
                i++;
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '<' && (i == 0 || char.IsWhiteSpace(arguments[i - 1])) && HeredocMarker().Match(arguments, i) is { Success: true } marker)
            {
                yield return marker;
                i += marker.Length - 1;
            }
        }
    }
}
