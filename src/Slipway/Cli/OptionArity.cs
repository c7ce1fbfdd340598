namespace Slipway.Cli;

/// <summary>How many values a built-in option takes.</summary>
internal enum OptionArity
{
    /// <summary>A switch: words after it are target names (<c>--plan Push</c>).</summary>
    None,
    One,
    /// <summary>One or more.</summary>
    Many,
    /// <summary>Zero or more (<c>--skip</c> alone, or <c>--skip Restore Test</c>).</summary>
    AnyNumber,
}
