namespace Slipway.Output.Progress;

/// <summary>A running step of an image build, with the last line it printed.</summary>
internal sealed record StepRow(string Step, string Name, bool Emulated, DateTimeOffset Started, string? LastLine);
