using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;
using Slipway.Paths;

namespace Slipway.Containers.Components;

/// <summary>The context files a stage of a Dockerfile reads for one platform (COPY/ADD sources, bind mounts, through
/// the stages it is built from), after .dockerignore: what is hashed and what is sent. A read that matches nothing is
/// one error line naming the file and line, so a build can fail loudly but never be stale.</summary>
internal static class DockerfileReads
{
    public sealed record Selected(ContextReads Reads, ContextFiles Files);

    public static Selected Select(
        AbsolutePath context, AbsolutePath dockerfilePath, Dockerfile dockerfile, string? target, Platform platform,
        IReadOnlyDictionary<string, string> arguments)
    {
        var reads = dockerfile.ReadsFromContext(target, PlatformArguments.For(platform, buildArgs: arguments));
        var files = ContextSelection.Select(new BuildContext(context, dockerfilePath), reads.Reads);
        if (files.Missing.Count > 0)
            throw new SlipwayException(string.Join("; ", files.Missing));
        return new Selected(reads, files);
    }

    /// <summary>The reads as root-relative globs for CI path filters: a folder (or the whole context) becomes <c>folder/**</c>.</summary>
    public static IEnumerable<string> PathFilters(AbsolutePath root, AbsolutePath context, Dockerfile dockerfile, string? target)
    {
        var relative = context.RelativeTo(root);
        var prefix = relative == "." ? "" : relative + "/";
        foreach (var source in dockerfile.ReadsFromContext(target).Sources)
        {
            var trimmed = source.Trim('/');
            if (trimmed is "" or ".")
                yield return prefix + "**";
            else if ((context / trimmed).DirectoryExists || source.EndsWith('/'))
                yield return $"{prefix}{trimmed}/**";
            else
                yield return prefix + trimmed;
        }
    }
}
