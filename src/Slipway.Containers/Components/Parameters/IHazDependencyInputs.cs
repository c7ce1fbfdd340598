using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazDependencyInputs : ISlipwayBuild
{
    [Parameter("Builder inputs beyond what its Dockerfile reads (globs in the build context; each must match)")]
    string[] DependencyManifests => ParameterValue(nameof(DependencyManifests), Array.Empty<string>());

    [Parameter("Further builder inputs beyond what its Dockerfile reads, hashed where present")]
    string[] DependencySources => ParameterValue(nameof(DependencySources), Array.Empty<string>());

    [Parameter("App inputs beyond what its Dockerfile reads (globs in the build context), for CI path filters")]
    string[] AppSources => ParameterValue(nameof(AppSources), Array.Empty<string>());
}
