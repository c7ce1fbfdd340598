using System.Diagnostics;
using Serilog;
using Slipway.Containers.Components;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Compose.Watch;

/// <summary>A watch cycle's build, in this process on the run's engine connections: the build inputs again (the
/// Dockerfiles and files as they are now, the bases the first Restore resolved), the builder only where the dependency
/// hash changed, then the app image unless one of exactly these inputs is already there. Its own steps go to the log
/// at debug level unless they warn or fail (<see cref="DemotedLog"/>): the cycle's own lines say the rest.</summary>
internal sealed class WatchRebuild(IUp build, ContainerEngines engines, BuildInputs first, BuilderImageSet builders, ILogger log) : IDisposable
{
    private readonly Serilog.Core.Logger _quiet = DemotedLog.Over(log);
    private BuilderImageSet _builders = builders;

    /// <summary>What a cycle built: the app image to run (null when it is the one running), and where the time went.</summary>
    public sealed record Outcome(ImageRecord? App, TimeSpan Inputs, TimeSpan Builder, TimeSpan AppBuild);

    public async Task<Outcome> RunAsync(WatchPlan plan, string runningImage, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var inputs = await new BuildInputsResolver(RestoreRequest.From(build), engines, _quiet, first).ResolveAsync(cancellation);
        var resolved = clock.Elapsed;
        var changed = inputs.Platforms.Where(platform => _builders.For(platform.Platform).Reference != inputs.BuilderReference(platform)).ToArray();
        if (changed.Length > 0)
        {
            log.Information("Dependency inputs changed ({Changed}): building the builder {Builders}", plan.ChangedText,
                string.Join(", ", changed.Select(inputs.BuilderReference)));
            _builders = await new BuilderImages(inputs, engines, _quiet).BuildMissingAsync(false, cancellation);
            log.Information("Builder {Builders}: {Why}", string.Join(", ", _builders.Images.Select(image => image.Reference)),
                string.Join(", ", _builders.Images.Select(image => image.Why).Distinct()));
        }
        else if (plan.Action == WatchAction.RebuildBuilderAndApp)
            log.Information("Dependency hash unchanged ({Hash}): the builder stays", BuildInputsResolver.Describe(inputs));
        var builder = clock.Elapsed - resolved;
        var apps = new AppImages(build.RootDirectory, inputs, engines, _builders, build.EnvironmentVariables, _quiet);
        var current = await apps.FindCurrentAsync(apps.DeclareInputs(new InputSetBuilder(build.RootDirectory)).Build(), cancellation);
        var app = (current ?? await apps.BuildAsync(cancellation)).Images[0];
        return new Outcome(app.ImageId == runningImage ? null : app, resolved, builder, clock.Elapsed - resolved - builder);
    }

    public void Dispose() => _quiet.Dispose();
}
