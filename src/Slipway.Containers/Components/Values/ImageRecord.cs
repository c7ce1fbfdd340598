using Slipway.Containers.Platforms;

namespace Slipway.Containers.Components;

/// <summary>An image this run built or found up to date: which role, for which platform, its reference and ID.</summary>
public sealed record ImageRecord(ImageRole Role, Platform Platform, string Reference, string ImageId, bool Built, string Why);
