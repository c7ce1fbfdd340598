using System.Globalization;

namespace Slipway.Containers.Attestations;

/// <summary>The time written into SBOMs and artifact annotations: <c>SOURCE_DATE_EPOCH</c> when the environment sets it
/// (reproducible builds), else the clock's now; always UTC, whole seconds.</summary>
public static class AttestationTime
{
    public static DateTimeOffset From(IReadOnlyDictionary<string, string> environment, TimeProvider clock)
    {
        if (environment.TryGetValue("SOURCE_DATE_EPOCH", out var text) && text.Trim().Length > 0)
        {
            return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : throw new SlipwayException($"SOURCE_DATE_EPOCH is '{text}', not a number of seconds since 1970");
        }
        var now = clock.GetUtcNow();
        return DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
    }

    /// <summary><c>2026-12-01T22:40:00Z</c>.</summary>
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
