using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>The OCI index that lists referrers, from the referrers API or the referrers tag schema.</summary>
public static class ReferrersIndex
{
    /// <summary>The tag schema's tag for a subject: <c>sha256:abc…</c> → <c>sha256-abc…</c>.</summary>
    public static string TagFor(string subjectDigest)
    {
        if (ReferenceGrammar.CheckDigest(subjectDigest) is { } problem)
            throw new ArgumentException(problem, nameof(subjectDigest));
        var tag = subjectDigest.Replace(':', '-');
        return tag.Length <= 128 ? tag : tag[..128];
    }

    public static IReadOnlyList<ReferrerDescriptor> Read(byte[] content, string what)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return Entries(document.RootElement, what).Select(Describe).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new SlipwayException($"{what} is not a valid OCI index: {e.Message}", e);
        }
    }

    internal static IEnumerable<JsonElement> Entries(JsonElement index, string what) =>
        index.ValueKind == JsonValueKind.Object && index.TryGetProperty("manifests", out var manifests) && manifests.ValueKind == JsonValueKind.Array
            ? manifests.EnumerateArray().ToList()
            : index.ValueKind == JsonValueKind.Object && !index.TryGetProperty("manifests", out _)
                ? []
                : throw new SlipwayException($"{what} is not an OCI index");

    internal static ReferrerDescriptor Describe(JsonElement entry)
    {
        var descriptor = new ContentDescriptor(
            entry.GetProperty("mediaType").GetString() ?? "", entry.GetProperty("digest").GetString() ?? "", entry.GetProperty("size").GetInt64());
        var artifactType = entry.TryGetProperty("artifactType", out var type) ? type.GetString() ?? "" : "";
        var annotations = entry.TryGetProperty("annotations", out var values) && values.ValueKind == JsonValueKind.Object
            ? values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new ReferrerDescriptor(descriptor, artifactType, annotations);
    }
}
