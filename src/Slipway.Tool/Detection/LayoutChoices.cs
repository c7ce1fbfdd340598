namespace Slipway.Tool.Detection;

/// <summary>What the user decided on the command line, overriding detection.</summary>
internal sealed record LayoutChoices(string? BuilderDockerfile = null, string? AppDockerfile = null, string? ImageName = null);
