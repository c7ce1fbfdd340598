namespace Slipway.Containers.Components;

/// <summary>What Push publishes: the run's inputs and its builder and app images; by digest only for a CI matrix job.</summary>
internal sealed record PushRequest(BuildInputs Inputs, BuilderImageSet Builders, AppImageSet Apps, bool ByDigest);
