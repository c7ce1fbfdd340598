namespace Slipway.Output;

internal static class VerbosityNames
{
    public static Verbosity Parse(string text, string origin)
    {
        foreach (var value in Enum.GetValues<Verbosity>())
        {
            if (string.Equals(value.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
                return value;
        }
        throw new SlipwayException($"{origin}: '{text}' is not a verbosity; use quiet, minimal, normal or verbose");
    }
}
