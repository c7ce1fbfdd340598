using Serilog;
using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Provisioning;

namespace Slipway.Containers.Components;

/// <summary>Which base image a build uses for the builder or the runtime: the one set explicitly (named in the log with
/// what it replaces), else the one the Dockerfile names (ARG default or literal FROM). An ARG without a default and no
/// explicit value is an error, not a guess: the Dockerfile is where the base is chosen, and a plain <c>docker build</c>
/// of it fails there too.</summary>
internal static class BaseImageChoice
{
    public static BaseImageRequest Choose(StageBase named, BaseImageOverride? set, string role, string option, ILogger log)
    {
        if (set is not null)
        {
            if (set.Reference != named.Declared)
                log.Information("{Role} base {Reference} from {Origin} replaces {Where}'s {Declared}", Capital(role), set.Reference, set.Origin,
                    named.Where, named.Declared ?? $"ARG {named.Argument?.Name ?? string.Join(", ", named.MissingDefaults)} (no default)");
            return new BaseImageRequest(set.Reference, set.Origin, role, named.Stage.Platform);
        }
        if (named.Declared is not { } declared)
            throw new SlipwayException(
                $"{named.Where}: FROM {named.Stage.Base} takes the {role} base from ARG {string.Join(", ", named.MissingDefaults)}, which has no default: " +
                $"give it one (ARG {named.MissingDefaults.FirstOrDefault()}=<image>) or set {option}");
        if (declared.Equals("scratch", StringComparison.OrdinalIgnoreCase))
            throw new SlipwayException($"{named.Where}: the {role} stage is built FROM scratch: it needs a base image with Python; name one, or set {option}");
        log.Information("{Role} base {Reference} from {Where}", Capital(role), declared, named.Where);
        return new BaseImageRequest(declared, named.Where, role, named.Stage.Platform);
    }

    private static string Capital(string role) => char.ToUpperInvariant(role[0]) + role[1..];
}
