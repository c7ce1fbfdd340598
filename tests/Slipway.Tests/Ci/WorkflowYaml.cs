using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Ci;

/// <summary>Reads values back out of a generated workflow, e.g. <c>Strings(yaml, "on", "push", "paths")</c>.</summary>
internal static class WorkflowYaml
{
    public static YamlNode? Find(string yaml, params string[] keys)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        YamlNode? node = stream.Documents[0].RootNode;
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
                return null;
        }
        return node;
    }

    public static IReadOnlyList<string>? Strings(string yaml, params string[] keys) =>
        Find(yaml, keys) is YamlSequenceNode sequence ? sequence.Children.Select(item => ((YamlScalarNode)item).Value!).ToArray() : null;

    public static string? Text(string yaml, params string[] keys) => (Find(yaml, keys) as YamlScalarNode)?.Value;
}
