using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazSourceRevision : ISlipwayBuild
{
    [Parameter("The branch whose builds are tagged latest")]
    string DefaultBranch => ParameterValue(nameof(DefaultBranch), "main");
}
