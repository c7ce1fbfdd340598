using System.Globalization;

namespace Slipway.Output;

/// <summary>Durations as the summary shows them: <c>0.4s</c>, <c>12.3s</c>, <c>2m 05s</c>, <c>1h 02m</c>.</summary>
internal static class DurationText
{
    public static string Of(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s",
        _ => $"{(int)duration.TotalHours}h {duration.Minutes:00}m",
    };
}
