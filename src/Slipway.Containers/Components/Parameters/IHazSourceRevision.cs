using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazSourceRevision : ISlipwayBuild
{
    [Parameter("The branch whose builds are tagged latest (default: the repository's: origin/HEAD, the only branch, init.defaultBranch)")]
    string? DefaultBranch => ParameterValue<string?>(nameof(DefaultBranch), null);
}
