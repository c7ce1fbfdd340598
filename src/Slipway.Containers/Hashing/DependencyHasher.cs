using Slipway.Containers.Platforms;
using Slipway.Paths;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Hashing;

/// <summary>Computes a platform's dependency hash: builder Dockerfile, dependency manifests (line endings normalised),
/// build arguments, the platform and the resolved base image (its ID, or the reference where it could not be resolved).</summary>
public static class DependencyHasher
{
    public static DependencyHash Compute(
        AbsolutePath context, DependencyInputs inputs, Platform platform, ResolvedBaseImage builderBase)
    {
        if (!inputs.BuilderDockerfile.FileExists)
            throw new SlipwayException($"builder Dockerfile {inputs.BuilderDockerfile.RelativeTo(context)} does not exist");
        var builder = new InputSetBuilder(context).File(inputs.BuilderDockerfile);
        foreach (var glob in inputs.RequiredManifests)
        {
            if (new Glob(glob).Files(context).Count == 0)
                throw new SlipwayException($"dependency manifest {glob} not found below {context}");
            builder.Files(glob);
        }
        builder.Files(inputs.OptionalManifests.ToArray());
        foreach (var (name, value) in inputs.BuildArguments.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            builder.Value($"build-arg:{name}", value);
        builder.Value("platform", platform.ToString());
        builder.Value("base-image", builderBase.Identity);
        return new DependencyHash(platform, builder.Build());
    }
}
