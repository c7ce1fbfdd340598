using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Compose;

/// <summary>Reads YAML nodes as the Compose Specification's field types; a node of the wrong shape is one error naming
/// the file, the line and the field.</summary>
internal sealed class ComposeNodes(string source)
{
    public static YamlNode? Child(YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var value) ? value : null;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && scalar.Value is null or "" or "~" or "null";

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Wrong(node, field, "a mapping");

    public string? Text(YamlNode? node, string field) => node switch
    {
        null => null,
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw Wrong(node, field, "a single value"),
    };

    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string field) => node switch
    {
        null => [],
        YamlScalarNode scalar when IsNull(scalar) => [],
        YamlSequenceNode sequence => sequence.Children.ToArray(),
        _ => throw Wrong(node, field, "a list"),
    };

    /// <summary>A map (<c>KEY: value</c>) or a list (<c>- KEY=value</c>, <c>- KEY</c>), as Compose's args and environment are.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Pairs(YamlNode? node, string field)
    {
        if (node is YamlMappingNode mapping)
            return mapping.Children.Select(entry => KeyValuePair.Create(Text(entry.Key, field)!, Text(entry.Value, field))).ToArray();
        return Sequence(node, field).Select(item =>
        {
            var text = Text(item, field) ?? throw Wrong(item, field, "NAME=value");
            var equals = text.IndexOf('=');
            return equals < 0 ? KeyValuePair.Create(text, (string?)null) : KeyValuePair.Create(text[..equals], (string?)text[(equals + 1)..]);
        }).ToArray();
    }

    /// <summary>A port in the short syntax, or the long syntax (target, published, host_ip, protocol) written as the short one.</summary>
    public string Port(YamlNode node, string service)
    {
        var field = $"{service}.ports";
        if (node is not YamlMappingNode port)
            return Text(node, field) ?? throw Wrong(node, field, "a port");
        string? Part(string name) => Text(Child(port, name), $"{field}.{name}");
        var target = Part("target") ?? throw Wrong(node, field, "a port with a target");
        var published = Part("published");
        var host = Part("host_ip");
        var protocol = Part("protocol");
        return (host is null ? "" : host + ":") + (published is null ? "" : published + ":") + target + (protocol is null ? "" : "/" + protocol);
    }

    /// <summary>One error line naming the file and the line of <paramref name="node"/>.</summary>
    public SlipwayException Error(YamlNode node, string message) => new($"{source}:{node.Start.Line}: {message}");

    private SlipwayException Wrong(YamlNode node, string field, string expected) => Error(node, $"{field} must be {expected}");
}
