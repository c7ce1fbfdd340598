using Slipway.Containers.Compose;
using Slipway.Containers.Compose.Watch;
using Slipway.Parameters;
using Slipway.Paths;
using Slipway.Targets;

namespace Slipway.Containers.Components;

/// <summary>The local loop: the repository's Compose file through the real Compose CLI, with Slipway's service on the
/// exact app image BuildAppImage built (its <c>build:</c> replaced by a generated override under .nuke/temp).</summary>
public interface IUp : IBuildAppImage
{
    [Parameter("Compose file Up and Down run (default: compose.yaml, compose.yml, docker-compose.yaml or docker-compose.yml in the root)")]
    AbsolutePath? ComposeFile => ParameterValue<AbsolutePath?>(nameof(ComposeFile), null);

    [Parameter("Compose service that runs Slipway's app image (default: the only one with a build: section)")]
    string? Service => ParameterValue<string?>(nameof(Service), null);

    [Parameter("Down also removes the project's volumes")]
    bool Volumes => ParameterValue(nameof(Volumes), false);

    [Parameter("Up keeps watching: an edit to the app's inputs rebuilds the app (a dependency edit the builder first) and recreates its service", Name = "watch")]
    bool WatchAfterUp => ParameterValue(nameof(WatchAfterUp), false);

    [Parameter("Watch leaves the services running when it stops (default: it takes them down as Down does)")]
    bool Keep => ParameterValue(nameof(Keep), false);

    Target Up => _ => _
        .Description("Runs the Compose file with its built service on Slipway's app image (BuildAppImage first); the other services as the file defines them")
        .DependsOn<IBuildAppImage>(x => x.BuildAppImage)
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .Consumes<BuilderImageSet>()
        .Consumes<AppImageSet>()
        .Executes(async cancellation =>
        {
            var (project, service, running, develop) = await UpAsync(WatchAfterUp, cancellation);
            if (WatchAfterUp)
                await WatchAsync(project, service, running, develop, cancellation);
        });

    Target Watch => _ => _
        .Description("Up, then rebuilds and recreates Slipway's service on every edit to its inputs until Ctrl-C (then as Down, unless --keep)")
        .DependsOn<IBuildAppImage>(x => x.BuildAppImage)
        .Consumes<BuildInputs>()
        .Consumes<ContainerEngines>()
        .Consumes<BuilderImageSet>()
        .Consumes<AppImageSet>()
        .Executes(async cancellation =>
        {
            var (project, service, running, develop) = await UpAsync(true, cancellation);
            await WatchAsync(project, service, running, develop, cancellation);
        });

    Target Down => _ => _
        .Description("Stops and removes the containers and networks Up started (volumes too with --volumes)")
        .Executes(async cancellation =>
        {
            var project = ComposeRunOfRoot();
            await project.DownAsync(Volumes, cancellation);
            Note($"project {project.Name} removed{(Volumes ? " with its volumes" : "")}");
        });

    private async Task<(ComposeRun Project, string Service, string Running, DevelopWatchRules? Develop)> UpAsync(bool watching, CancellationToken cancellation)
    {
        var project = ComposeRunOfRoot();
        // Read before compose reads it, so a develop.watch rule the watch cannot honour is Slipway's one line, before anything starts.
        var file = watching ? Slipway.Containers.Compose.ComposeFile.Read(project.FilePath, project.FilePath.RelativeTo(RootDirectory)) : null;
        var service = await project.ChooseServiceAsync(Service, cancellation);
        var develop = file?.Service(service) is { DevelopWatch.Count: > 0 } watched
            ? DevelopWatchRules.Of(watched, project.FilePath, new Engine.BuildContext(BuildContext, AppDockerfile)).RequireInside(RootDirectory)
            : null;
        var app = Value<AppImageSet>().Images[0];
        await project.UpAsync(service, app.Reference, cancellation);
        var running = await project.RunningImageAsync(service, cancellation);
        if (running != app.ImageId)
            Log.Warning("{Service} runs {Running}, not the image Slipway built ({Built})", service, running, app.ImageId);
        Note($"{service} runs {app.Reference} ({app.ImageId[..19]}), project {project.Name}");
        return (project, service, running, develop);
    }

    private async Task WatchAsync(ComposeRun project, string service, string running, DevelopWatchRules? develop, CancellationToken cancellation)
    {
        using var rebuild = new WatchRebuild(this, Value<ContainerEngines>(), Value<BuildInputs>(), Value<BuilderImageSet>(), Log);
        var watch = new ComposeWatch(project, service, RootDirectory, () => WatchPlanner.For(this), rebuild, Log)
        {
            Keep = Keep,
            Volumes = Volumes,
            Develop = develop is null ? null : (develop, new ContainerSync(Value<ContainerEngines>().Primary)),
        };
        await watch.RunAsync(running, cancellation);
        Note($"watched {service} until stopped; project {project.Name} {(Keep ? "kept" : "removed")}");
    }

    private ComposeRun ComposeRunOfRoot()
    {
        var environment = DockerHost is { Length: > 0 } host
            ? new Dictionary<string, string>(EnvironmentVariables) { ["DOCKER_HOST"] = host }
            : EnvironmentVariables;
        return new ComposeRun(ComposeCli.Find(environment), RootDirectory, Slipway.Containers.Compose.ComposeFile.Require(RootDirectory, ComposeFile),
            TemporaryDirectory, Log);
    }
}
