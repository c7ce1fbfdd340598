namespace Slipway.Tool.Detection;

/// <summary>What the user decided on the command line, overriding detection.</summary>
/// <param name="Service">The Compose service that is the app (<c>--service</c>), when the Compose file builds several.</param>
internal sealed record LayoutChoices(
    string? BuilderDockerfile = null, string? AppDockerfile = null, string? ImageName = null, string? Service = null);
