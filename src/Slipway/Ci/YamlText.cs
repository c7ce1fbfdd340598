using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>Writes YamlDotNet nodes as text through its emitter: comment lines first, two-space indentation, indented
/// block sequences, no line wrapping, <c>\n</c> line endings. A string YAML would read as a boolean, null or number is
/// single-quoted; numbers and flags built with <see cref="Yaml.Number"/>/<see cref="Yaml.Flag"/> stay plain. A scalar
/// in <c>trailingComments</c> is followed on its line by <c># &lt;comment&gt;</c>.</summary>
internal static partial class YamlText
{
    public static string Write(YamlNode root, IEnumerable<string> comments, IReadOnlyDictionary<YamlNode, string>? trailingComments = null)
    {
        trailingComments ??= new Dictionary<YamlNode, string>();
        var writer = new StringWriter { NewLine = "\n" };
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        foreach (var comment in comments)
            emitter.Emit(new Comment(comment, false));
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, root, isKey: false, trailingComments);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        // The emitter puts one space before an inline comment; two keep it apart from the value (yamllint's default).
        var text = writer.ToString();
        foreach (var (node, comment) in trailingComments)
            text = text.Replace($"{((YamlScalarNode)node).Value} # {comment}\n", $"{((YamlScalarNode)node).Value}  # {comment}\n", StringComparison.Ordinal);
        return text;
    }

    private static void Emit(IEmitter emitter, YamlNode node, bool isKey, IReadOnlyDictionary<YamlNode, string> trailingComments)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                emitter.Emit(new Scalar(null, null, scalar.Value ?? "", StyleOf(scalar, isKey), true, true));
                if (trailingComments.TryGetValue(scalar, out var comment))
                    emitter.Emit(new Comment(comment, true));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(null, null, true, sequence.Children.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in sequence.Children)
                    Emit(emitter, item, isKey: false, trailingComments);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(null, null, true, mapping.Children.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in mapping.Children)
                {
                    Emit(emitter, key, isKey: true, trailingComments);
                    Emit(emitter, value, isKey: false, trailingComments);
                }
                emitter.Emit(new MappingEnd());
                break;
            default:
                throw new InvalidOperationException($"unexpected YAML node {node.NodeType}");
        }
    }

    /// <summary>Keys are the workflow syntax's own words (<c>on</c> included) and stay plain where YAML allows.</summary>
    private static ScalarStyle StyleOf(YamlScalarNode scalar, bool isKey)
    {
        if (scalar.Style != ScalarStyle.Any || isKey)
            return scalar.Style;
        return ReadAsOtherType().IsMatch(scalar.Value ?? "") ? ScalarStyle.SingleQuoted : ScalarStyle.Any;
    }

    /// <summary>YAML 1.1 and 1.2 booleans, nulls and numbers (including 1:20 and 1_000), which a plain scalar would become.</summary>
    [GeneratedRegex(@"^(|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?\.?[0-9].*|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex ReadAsOtherType();
}
