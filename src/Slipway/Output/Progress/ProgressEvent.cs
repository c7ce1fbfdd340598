namespace Slipway.Output.Progress;

/// <summary>One thing long work reports. Builds name their steps (<see cref="StepStarted"/>, <see cref="StepLogged"/>,
/// <see cref="StepFinished"/>, <see cref="BuildFinished"/>); pushes how they get the image ready
/// (<see cref="PushPreparing"/>: export, compression) and their blobs (<see cref="PushStarted"/>,
/// <see cref="BlobProgressed"/>, <see cref="BlobSkipped"/>, <see cref="BlobFinished"/>, <see cref="PushFinished"/>).
/// Events carry no time: the display stamps them as they arrive.</summary>
public abstract record ProgressEvent;
