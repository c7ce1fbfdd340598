using YamlDotNet.RepresentationModel;

namespace Slipway.Containers.Compose;

/// <summary>Reads a service's <c>develop.watch</c> rules; a rule Slipway's Watch could not honour as written is one
/// error naming the file and the line.</summary>
internal static class ComposeDevelopWatch
{
    private static readonly IReadOnlyDictionary<string, DevelopWatchAction> Actions = new Dictionary<string, DevelopWatchAction>
    {
        ["sync"] = DevelopWatchAction.Sync,
        ["sync+restart"] = DevelopWatchAction.SyncRestart,
        ["rebuild"] = DevelopWatchAction.Rebuild,
        ["restart"] = DevelopWatchAction.Restart,
    };

    public static IReadOnlyList<DevelopWatchRule> Read(ComposeNodes reader, string service, YamlMappingNode serviceNode, bool builds)
    {
        if (ComposeNodes.Child(serviceNode, "develop") is not { } develop || ComposeNodes.IsNull(develop))
            return [];
        var watch = ComposeNodes.Child(reader.Mapping(develop, $"{service}.develop"), "watch");
        return reader.Sequence(watch, $"{service}.develop.watch")
            .Select((rule, index) => RuleOf(reader, $"{service}.develop.watch[{index}]", rule, builds))
            .ToArray();
    }

    private static DevelopWatchRule RuleOf(ComposeNodes reader, string field, YamlNode node, bool builds)
    {
        var rule = reader.Mapping(node, field);
        YamlNode? Child(string name) => ComposeNodes.Child(rule, name);
        string? Text(string name) => reader.Text(Child(name), $"{field}.{name}");

        var actionText = Text("action") ?? throw reader.Error(node, $"{field} has no action (one of {string.Join(", ", Actions.Keys)})");
        if (!Actions.TryGetValue(actionText, out var action))
            throw reader.Error(Child("action")!, actionText == "sync+exec"
                ? $"{field}.action sync+exec is not supported by Slipway's Watch (it honours {string.Join(", ", Actions.Keys)})"
                : $"{field}.action '{actionText}' is not one of {string.Join(", ", Actions.Keys)}");
        var path = Text("path") is { Length: > 0 } written ? written : throw reader.Error(node, $"{field} has no path: the file or folder it watches");
        var target = Text("target");
        if (action is DevelopWatchAction.Sync or DevelopWatchAction.SyncRestart && target is not { Length: > 0 })
            throw reader.Error(node, $"{field} has action {actionText} but no target: the container path {path} is copied to");
        if (action == DevelopWatchAction.Rebuild && !builds)
            throw reader.Error(Child("action")!, $"{field} has action rebuild, but the service has no build: section to rebuild");
        var initialSync = Text("initial_sync") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw reader.Error(Child("initial_sync")!, $"{field}.initial_sync must be true or false, not '{other}'"),
        };
        return new DevelopWatchRule(action, path, target, Patterns(reader, Child("ignore"), $"{field}.ignore", alone: false),
            Patterns(reader, Child("include"), $"{field}.include", alone: true), initialSync, (int)node.Start.Line);
    }

    /// <summary>A list of patterns; with <paramref name="alone"/> also one pattern by itself (the specification's
    /// <c>include: "*.go"</c>).</summary>
    private static IReadOnlyList<string> Patterns(ComposeNodes reader, YamlNode? node, string field, bool alone) =>
        alone && node is YamlScalarNode && !ComposeNodes.IsNull(node)
            ? [reader.Text(node, field)!]
            : reader.Sequence(node, field).Select(pattern => reader.Text(pattern, field) ?? throw reader.Error(pattern, $"{field} has an empty pattern")).ToArray();
}
