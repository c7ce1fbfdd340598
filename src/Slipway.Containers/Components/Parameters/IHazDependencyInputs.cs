using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazDependencyInputs : ISlipwayBuild
{
    [Parameter("Dependency manifests the builder is made from (globs in the build context; each must match)")]
    string[] DependencyManifests => ParameterValue(nameof(DependencyManifests), new[] { "app/requirements*.txt" });

    [Parameter("Further builder inputs, hashed where present (lock file, native sources)")]
    string[] DependencySources => ParameterValue(nameof(DependencySources), new[] { "app/uv.lock", "app/native/**" });

    [Parameter("The app's own sources (globs in the build context); CI rebuilds the app image when they change")]
    string[] AppSources => ParameterValue(nameof(AppSources), new[] { "app/**" });
}
