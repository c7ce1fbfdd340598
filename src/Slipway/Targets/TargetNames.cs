namespace Slipway.Targets;

/// <summary>Target names as users type them: case and dashes do not matter; a typo gets the closest name.</summary>
internal static class TargetNames
{
    public static bool Equal(string left, string right) => Normalise(left) == Normalise(right);

    public static string Normalise(string name) =>
        new string(name.Where(c => c != '-' && c != '_').ToArray()).ToLowerInvariant();

    public static string UnknownMessage(string name, IReadOnlyList<string> available)
    {
        var closest = available.MinBy(candidate => Distance(Normalise(candidate), Normalise(name)));
        var hint = closest is not null && Distance(Normalise(closest), Normalise(name)) <= Math.Max(2, name.Length / 3)
            ? $" Did you mean {closest}?"
            : "";
        return $"unknown target '{name}'.{hint} Available targets: {string.Join(", ", available)}";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
