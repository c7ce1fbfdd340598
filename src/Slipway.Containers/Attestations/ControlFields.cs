namespace Slipway.Containers.Attestations;

/// <summary>
/// Reads header paragraphs in the RFC 822 manner shared by dpkg's status file and Python's core metadata: <c>Name: value</c>
/// lines, continuation lines that start with white space, paragraphs separated by blank lines.
/// </summary>
internal static class ControlFields
{
    /// <summary>Every paragraph as its fields in order (a name may repeat, e.g. <c>Classifier</c>).</summary>
    public static IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> Paragraphs(string text, bool firstOnly = false)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    if (firstOnly)
                        yield break;
                    fields = [];
                }
                continue;
            }
            if (raw[0] is ' ' or '\t')
            {
                if (fields.Count > 0)
                    fields[^1] = new(fields[^1].Key, fields[^1].Value + "\n" + raw.Trim());
                continue;
            }
            var colon = raw.IndexOf(':');
            if (colon > 0)
                fields.Add(new(raw[..colon].Trim(), raw[(colon + 1)..].Trim()));
        }
        if (fields.Count > 0)
            yield return fields;
    }

    public static string? First(IReadOnlyList<KeyValuePair<string, string>> fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value ? value : null;

    public static IEnumerable<string> All(IReadOnlyList<KeyValuePair<string, string>> fields, string name) =>
        fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Select(f => f.Value);
}
