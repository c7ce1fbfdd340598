using Slipway.Containers.Platforms;

namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// The build arguments BuildKit defines by itself for a platform (<c>TARGETPLATFORM</c>, <c>TARGETOS</c>,
/// <c>TARGETARCH</c>, <c>TARGETVARIANT</c> and the same for <c>BUILD*</c>): pass them to
/// <see cref="Dockerfile.ReadsFromContext"/> so <c>COPY wheels/${TARGETARCH}/ ...</c> reads what that platform's build reads.
/// </summary>
public static class PlatformArguments
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT", "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    };

    /// <summary>The predefined arguments for building <paramref name="target"/> on <paramref name="build"/> (default: the target),
    /// merged under <paramref name="buildArgs"/> (passed arguments win).</summary>
    public static IReadOnlyDictionary<string, string> For(Platform target, Platform? build = null, IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        build ??= target;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TARGETPLATFORM"] = target.ToString(), ["TARGETOS"] = target.Os, ["TARGETARCH"] = target.Architecture,
            ["TARGETVARIANT"] = target.Variant ?? "",
            ["BUILDPLATFORM"] = build.ToString(), ["BUILDOS"] = build.Os, ["BUILDARCH"] = build.Architecture,
            ["BUILDVARIANT"] = build.Variant ?? "",
        };
        foreach (var (name, value) in buildArgs ?? new Dictionary<string, string>())
            values[name] = value;
        return values;
    }
}
