using YamlDotNet.RepresentationModel;

namespace Slipway.Ci;

/// <summary>Builds the YamlDotNet nodes of a workflow: mappings keep the order written and leave out null values, so
/// optional keys are written inline as <c>("timeout-minutes", minutes > 0 ? Yaml.Number(minutes) : null)</c>.</summary>
internal static class Yaml
{
    public static YamlMappingNode Map(params (string Key, YamlNode? Value)[] entries) => Map(entries.AsEnumerable());

    public static YamlMappingNode Map(IEnumerable<(string Key, YamlNode? Value)> entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            if (value is not null)
                map.Add(new YamlScalarNode(key), value);
        }
        return map;
    }

    public static YamlSequenceNode List(IEnumerable<YamlNode> items) => new(items);

    public static YamlSequenceNode List(IEnumerable<string> items) => new(items.Select(Text));

    /// <summary>A string; <see cref="YamlText"/> quotes it where YAML would read something else (<c>on</c>, <c>1.0</c>).</summary>
    public static YamlScalarNode Text(string value) => new(value);

    /// <summary>Lines written as a literal block (<c>|</c>).</summary>
    public static YamlScalarNode Lines(IEnumerable<string> lines) =>
        new(string.Join("\n", lines) + "\n") { Style = YamlDotNet.Core.ScalarStyle.Literal };

    public static YamlScalarNode Number(int value) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Style = YamlDotNet.Core.ScalarStyle.Plain };

    public static YamlScalarNode Flag(bool value) => new(value ? "true" : "false") { Style = YamlDotNet.Core.ScalarStyle.Plain };

    /// <summary>An empty mapping, written <c>{}</c> (e.g. <c>workflow_dispatch: {}</c>).</summary>
    public static YamlMappingNode Empty() => new();

    /// <summary>Null when the list is empty, so the key is left out.</summary>
    public static YamlSequenceNode? ListOrNull(IReadOnlyCollection<string> items) => items.Count == 0 ? null : List(items);
}
