using System.Globalization;

namespace Slipway.Output.Progress;

/// <summary>Sizes as Docker shows them, in decimal units: <c>210 of 417 MB</c>, <c>7.1 MB/s</c>, <c>512 kB</c>.</summary>
internal static class ByteText
{
    public static string Of(long bytes)
    {
        var (divisor, unit) = UnitFor(bytes);
        return $"{Amount(bytes, divisor)} {unit}";
    }

    /// <summary>Both in the unit of <paramref name="total"/>: <c>210 of 417 MB</c>.</summary>
    public static string Of(long sent, long total)
    {
        var (divisor, unit) = UnitFor(Math.Max(sent, total));
        return $"{Amount(sent, divisor)} of {Amount(total, divisor)} {unit}";
    }

    public static string Rate(double bytesPerSecond)
    {
        var (divisor, unit) = UnitFor((long)bytesPerSecond);
        return $"{Amount(bytesPerSecond, divisor)} {unit}/s";
    }

    private static (double Divisor, string Unit) UnitFor(long bytes) => bytes switch
    {
        >= 1_000_000_000 => (1e9, "GB"),
        >= 1_000_000 => (1e6, "MB"),
        >= 1_000 => (1e3, "kB"),
        _ => (1, "B"),
    };

    private static string Amount(double bytes, double divisor)
    {
        var value = bytes / divisor;
        return value.ToString(divisor == 1 || value >= 100 || value == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);
    }
}
