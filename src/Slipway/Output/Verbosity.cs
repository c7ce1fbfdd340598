namespace Slipway.Output;

/// <summary>How much a run prints: <c>--verbosity quiet|minimal|normal|verbose</c>.</summary>
public enum Verbosity
{
    /// <summary>Errors and the outcome line.</summary>
    Quiet,

    /// <summary>Warnings, errors and the summary.</summary>
    Minimal,

    /// <summary>Information, target headers and the summary.</summary>
    Normal,

    /// <summary>Debug messages too, and stack traces of failures.</summary>
    Verbose,
}
