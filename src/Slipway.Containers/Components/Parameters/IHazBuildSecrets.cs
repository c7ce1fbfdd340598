using Slipway.Parameters;

namespace Slipway.Containers.Components;

/// <summary>Secrets the builder and app builds may read with <c>RUN --mount=type=secret,id=...</c>, served through the
/// build session: never in a build argument, a layer, the image's history or the log.</summary>
public interface IHazBuildSecrets : ISlipwayBuild
{
    [Parameter("Secrets for RUN --mount=type=secret,id=<id>: id=pip,env=PIP_INDEX_TOKEN (a variable) or id=netrc,src=~/.netrc (a file; relative to the root); several separated by spaces",
        Separators = [' '])]
    string[] BuildSecrets => ParameterValue(nameof(BuildSecrets), Array.Empty<string>());
}
