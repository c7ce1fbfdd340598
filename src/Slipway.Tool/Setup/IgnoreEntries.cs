namespace Slipway.Tool.Setup;

/// <summary>The .gitignore lines a Slipway build needs: its temporary folder and the build project's outputs.</summary>
internal static class IgnoreEntries
{
    public static readonly string[] GitIgnore = [".nuke/temp/", "build/bin/", "build/obj/"];

    /// <summary>The lines of <paramref name="entries"/> that <paramref name="existing"/> lacks (also written without the
    /// trailing slash or with a leading one).</summary>
    public static IReadOnlyList<string> Missing(string existing, IEnumerable<string> entries)
    {
        var present = existing.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim().TrimStart('/').TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);
        return entries.Where(entry => !present.Contains(entry.TrimEnd('/'))).ToArray();
    }

    /// <summary>The file with <paramref name="missing"/> appended under a comment, keeping what was there.</summary>
    public static string Append(string existing, IReadOnlyList<string> missing)
    {
        var text = existing.Length == 0 || existing.EndsWith('\n') ? existing : existing + "\n";
        if (text.Length > 0)
            text += "\n";
        return text + "# Slipway build (slipway setup)\n" + string.Join("\n", missing) + "\n";
    }
}
