namespace Slipway.Output.Progress;

/// <summary>A push still getting its image ready (<see cref="PushPreparing"/>): since when, what it does, how far.</summary>
internal sealed record PreparingRow(string Push, DateTimeOffset Started, string Phase, long Done, long Total);
