namespace Slipway.Cli;

/// <summary>The "did you mean" of every name a user types (targets, parameters, options): the closest candidate by
/// edit distance, when it is close enough to be a typo.</summary>
internal static class ClosestName
{
    /// <summary>The candidate nearest to <paramref name="typed"/>, both compared as <paramref name="normalise"/> writes
    /// them, when at most max(2, a third of the typed name's length) edits away; the first of equally near ones; else null.</summary>
    public static string? Of(string typed, IEnumerable<string> candidates, Func<string, string> normalise)
    {
        var wanted = normalise(typed);
        var best = candidates
            .Select(candidate => (candidate, distance: EditDistance(normalise(candidate), wanted)))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        return best.candidate is not null && best.distance <= Math.Max(2, wanted.Length / 3) ? best.candidate : null;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions of one character each.</summary>
    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
