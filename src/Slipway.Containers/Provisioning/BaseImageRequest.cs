namespace Slipway.Containers.Provisioning;

/// <summary>A base image to resolve: its reference, where it was named (<c>docker/Dockerfile line 3</c>,
/// <c>--builder-base-image</c>) for the one error line when it exists nowhere, and its role (<c>builder</c> or
/// <c>runtime</c>), which stand-in takes its place where stand-ins are asked for and its name is not one they stand in for.</summary>
internal sealed record BaseImageRequest(string Reference, string Where, string Role);
