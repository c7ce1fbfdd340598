namespace Slipway.Output.Progress;

/// <summary>A running image build and its running steps, in the order they started.</summary>
internal sealed record BuildRow(string Build, DateTimeOffset Started, IReadOnlyList<StepRow> Steps);
