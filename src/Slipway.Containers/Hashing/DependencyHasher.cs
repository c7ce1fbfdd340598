using Slipway.Containers.Platforms;
using Slipway.Paths;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Hashing;

/// <summary>Computes a platform's dependency hash: builder Dockerfile, the context files it reads and the declared
/// additional manifests (line endings normalised),
/// build arguments, the platform and the resolved base image (its ID, or the reference where it could not be resolved).</summary>
public static class DependencyHasher
{
    /// <param name="contextReads">The context files the builder's Dockerfile reads, each with its digest.</param>
    public static DependencyHash Compute(
        AbsolutePath context, DependencyInputs inputs, InputSet contextReads, Platform platform, ResolvedBaseImage builderBase)
    {
        if (!inputs.BuilderDockerfile.FileExists)
            throw new SlipwayException($"builder Dockerfile {inputs.BuilderDockerfile.RelativeTo(context)} does not exist");
        // A declared manifest or the Dockerfile itself may be among the reads already (COPY . /src): each is hashed once.
        var named = contextReads.Items.Select(item => item.Name).ToHashSet(StringComparer.Ordinal);
        var builder = new InputSetBuilder(context).Include(contextReads);
        if (named.Add(inputs.BuilderDockerfile.RelativeTo(context)))
            builder.File(inputs.BuilderDockerfile);
        foreach (var glob in inputs.RequiredManifests)
        {
            var files = new Glob(glob).Files(context);
            if (files.Count == 0)
                throw new SlipwayException($"dependency manifest {glob} not found below {context}");
            foreach (var file in files.Where(named.Add))
                builder.File(context / file);
        }
        foreach (var file in inputs.OptionalManifests.SelectMany(glob => new Glob(glob).Files(context)).Distinct().Where(named.Add))
            builder.File(context / file);
        foreach (var (name, value) in inputs.BuildArguments.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            builder.Value($"build-arg:{name}", value);
        builder.Value("platform", platform.ToString());
        builder.Value("base-image", builderBase.Identity);
        return new DependencyHash(platform, builder.Build());
    }
}
