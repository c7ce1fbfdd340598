using System.Diagnostics;
using Docker.DotNet.Models;
using Serilog;

namespace Slipway.Containers.Engine;

/// <summary>
/// Builds images through the engine's API with BuildKit (<c>version=2</c>) and no client session: every FROM image must
/// be local or pullable by the engine itself, and <c>RUN --mount=type=secret/ssh</c> or a <c># syntax=</c> line pulling a
/// frontend are not available. Steps are logged as the engine reports them.
/// </summary>
public sealed class ImageBuilder(ContainerEngine engine)
{
    public async Task<BuiltImage> BuildAsync(ImageBuild request, ILogger log, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var context = new BuildContext(request.Context, request.DockerfilePath, request.ContextPaths, request.DockerfileText);
        log.Information("[build] {Build} from {Dockerfile} in {Context}", request.ToString(), context.DockerfileName, request.Context.Value);
        await using var tar = new FileStream(
            Path.Combine(Path.GetTempPath(), $"slipway-context-{Guid.NewGuid():N}.tar"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        context.WriteTo(tar);
        log.Debug("[build] context: {Bytes} bytes, ignore file {IgnoreFile}", tar.Length, context.IgnoreFile.Value);
        tar.Position = 0;

        var progress = new BuildProgress(log);
        try
        {
            // The raw stream on purpose: the typed-progress overload cannot decode BuildKit's trace messages.
#pragma warning disable CS0618
            await using var output = await engine.Client.Images.BuildImageFromDockerfileAsync(tar, Parameters(request, context), cancellationToken);
#pragma warning restore CS0618
            using var reader = new StreamReader(output);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
                progress.Read(line);
        }
        catch (Exception exception) when (EngineFailure.Translate(engine, $"building {request}", exception) is { } failure)
        {
            throw failure;
        }
        if (progress.Failure(request.ToString()) is { } buildFailure)
            throw buildFailure;
        log.Information("[build] {Build} built as {ImageId} in {Seconds:0.0}s", request.ToString(), progress.ImageId, clock.Elapsed.TotalSeconds);
        return new BuiltImage(progress.ImageId!, request.Tags, clock.Elapsed, progress.Steps);
    }

    private static ImageBuildParameters Parameters(ImageBuild request, BuildContext context) => new()
    {
        Version = "2",
        Dockerfile = context.DockerfileName,
        Target = request.Target,
        Tags = request.Tags.ToList(),
        BuildArgs = request.BuildArgs.ToDictionary(),
        Labels = request.Labels.ToDictionary(),
        Platform = request.Platform?.ToString(),
        Pull = request.Pull ? "1" : null,
        NoCache = request.NoCache ? true : null,
        Remove = true,
        ForceRemove = true,
    };
}
