namespace Slipway.Planning;

/// <summary>What <c>--skip</c> asked for: no names skips everything but the invoked targets.</summary>
internal sealed record SkipRequest(bool AllButInvoked, IReadOnlyList<string> Names)
{
    public static SkipRequest None { get; } = new(false, []);
}
