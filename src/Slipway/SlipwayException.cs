namespace Slipway;

/// <summary>The one failure a user sees as a single red line and exit code 1; the stack trace only with verbose output.</summary>
public class SlipwayException : Exception
{
    public SlipwayException(string message) : base(message) { }

    public SlipwayException(string message, Exception inner) : base(message, inner) { }
}
