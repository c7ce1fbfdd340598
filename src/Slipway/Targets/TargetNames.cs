namespace Slipway.Targets;

/// <summary>Target names as users type them: case and dashes do not matter; a typo gets the closest name.</summary>
internal static class TargetNames
{
    public static bool Equal(string left, string right) => Normalise(left) == Normalise(right);

    public static string Normalise(string name) =>
        new string(name.Where(c => c != '-' && c != '_').ToArray()).ToLowerInvariant();

    public static string UnknownMessage(string name, IReadOnlyList<string> available)
    {
        var closest = Cli.ClosestName.Of(name, available, Normalise);
        var hint = closest is not null ? $" Did you mean {closest}?" : "";
        return $"unknown target '{name}'.{hint} Available targets: {string.Join(", ", available)}";
    }
}
