using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Targets.Incremental;

/// <summary>The inputs of a target, each with its digest, and one hash over all of them.</summary>
public sealed class InputSet
{
    public InputSet(IEnumerable<InputDigest> items)
    {
        Items = items.OrderBy(item => item.Name, StringComparer.Ordinal).ToArray();
        var duplicate = Items.GroupBy(item => item.Name).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new SlipwayException($"input '{duplicate.Key}' is declared twice");
        var lines = string.Concat(Items.Select(item => $"{item.Name}\0{item.Sha256}\n"));
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)));
    }

    public IReadOnlyList<InputDigest> Items { get; }

    /// <summary>SHA-256 (hex) over every input's name and digest.</summary>
    public string Hash { get; }

    public string Hash12 => Hash[..12];

    /// <summary>The names of the inputs that are new, gone or different compared with <paramref name="previous"/>.</summary>
    public IReadOnlyList<string> ChangedSince(InputSet? previous)
    {
        if (previous is null)
            return Items.Select(item => item.Name).ToArray();
        var before = previous.Items.ToDictionary(item => item.Name, item => item.Sha256);
        var now = Items.ToDictionary(item => item.Name, item => item.Sha256);
        return now.Where(pair => !before.TryGetValue(pair.Key, out var digest) || digest != pair.Value)
            .Select(pair => pair.Key)
            .Concat(before.Keys.Where(name => !now.ContainsKey(name)).Select(name => $"{name} (removed)"))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public string ToJson() =>
        JsonSerializer.Serialize(Items.ToDictionary(item => item.Name, item => item.Sha256), InputSetJson.Default.DictionaryStringString);

    /// <summary>Reads what <see cref="ToJson"/> wrote; null for anything unreadable (an old or foreign record).</summary>
    public static InputSet? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return null;
        try
        {
            var items = JsonSerializer.Deserialize(json, InputSetJson.Default.DictionaryStringString);
            return items is null ? null : new InputSet(items.Select(pair => new InputDigest(pair.Key, pair.Value)));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
