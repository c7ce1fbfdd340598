namespace Slipway.Output;

/// <summary>ANSI colours, used only when the output is a terminal.</summary>
internal sealed class Ansi(bool enabled)
{
    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Cyan = "\u001b[36m";
    public const string Grey = "\u001b[90m";
    public const string Bold = "\u001b[1m";
    private const string Reset = "\u001b[0m";

    public bool Enabled { get; } = enabled;

    public string Paint(string text, string colour) => Enabled && text.Length > 0 ? colour + text + Reset : text;
}
