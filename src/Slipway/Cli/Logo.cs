using Slipway.Output;

namespace Slipway.Cli;

/// <summary>The line a run starts with, unless <c>--no-logo</c>.</summary>
internal static class Logo
{
    public static void Write(TextWriter output, Ansi ansi)
    {
        output.WriteLine(ansi.Paint("⚓ Slipway", Ansi.Bold) + " · build automation for containerised Python services");
        output.WriteLine();
    }
}
