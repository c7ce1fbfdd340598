using Serilog;
using Slipway.Containers.Dockerfiles;

namespace Slipway.Containers.Components;

/// <summary>One warning when what a build sends is over 100 MB, naming its largest folders: usually build output or a
/// data folder that .dockerignore should leave out.</summary>
internal static class LargeContextWarning
{
    public const long Threshold = 100_000_000;

    public static void WarnIfLarge(ContextFiles files, string what, ILogger log)
    {
        var size = ContextSize.Of(files);
        if (size.Bytes > Threshold)
            log.Warning("The {What} context is {Size}: every build sends it; leave what the build does not need out with .dockerignore",
                what, size.ToString());
    }
}
