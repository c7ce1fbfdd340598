namespace Slipway.Output.Progress;

/// <summary>Columns and rows of the terminal the live region is drawn on.</summary>
internal sealed record TerminalSize(int Width, int Height)
{
    public static TerminalSize Default { get; } = new(100, 30);

    /// <summary>The console's window, or <see cref="Default"/> where it has none.</summary>
    public static TerminalSize OfConsole()
    {
        try
        {
            return Console.WindowWidth > 0 && Console.WindowHeight > 0 ? new TerminalSize(Console.WindowWidth, Console.WindowHeight) : Default;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return Default;
        }
    }
}
