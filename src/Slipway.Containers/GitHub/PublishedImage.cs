namespace Slipway.Containers.GitHub;

/// <summary>One pushed image for one platform: <c>ghcr.io/acme/voice</c>, tag <c>1.2.3</c>, <c>linux/arm64</c>, and the
/// digest of that platform's manifest.</summary>
public sealed record PublishedImage(string Image, string Tag, string Platform, string Digest);
