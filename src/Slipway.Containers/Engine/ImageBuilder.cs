using System.Diagnostics;
using Docker.DotNet.Models;
using Serilog;
using Slipway.Containers.Engine.Session;

namespace Slipway.Containers.Engine;

/// <summary>
/// Builds images through the engine's API with BuildKit (<c>version=2</c>). The engine reads the context and the
/// Dockerfile through a BuildKit session (<see cref="BuildSessions"/>): only what changed since the last build of the
/// same context travels, and <c>RUN --mount=type=secret</c> gets <see cref="ImageBuild.Secrets"/>. An engine that
/// refuses sessions gets the context as a tar upload instead (said once, with its reason). Steps are logged as the
/// engine reports them.
/// </summary>
public sealed class ImageBuilder(ContainerEngine engine, BuildSessions sessions)
{
    private readonly BuildSessions _sessions = sessions;

    /// <summary>What the last build's session sent (null when it uploaded a tar).</summary>
    public TransferCounter? ContextTransfer { get; private set; }

    public async Task<BuiltImage> BuildAsync(ImageBuild request, ILogger log, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var context = new BuildContext(request.Context, request.DockerfilePath, request.ContextPaths, request.DockerfileText);
        log.Information("[build] {Build} from {Dockerfile} in {Context}", request.ToString(), context.DockerfileName, request.Context.Value);
        var emulated = request.Progress is not null && request.Platform is { } wanted
                       && (await engine.GetPlatformAsync(cancellationToken)).Architecture != wanted.Architecture;
        var progress = new BuildProgress(log, request.Progress, request.ProgressLabel ?? request.ToString(), emulated);
        ContextTransfer = null;
        try
        {
            using var dockerfileFolder = new DockerfileFolder(request);
            await using var session = await _sessions.TryOpenAsync(engine, NewSession(request, context, dockerfileFolder, log), cancellationToken);
            log.Debug("[build] {How} after {Milliseconds} ms", session is null ? "no session" : "session open", clock.ElapsedMilliseconds);
            if (session is null && request.Secrets.Count > 0)
                throw new SlipwayException(
                    $"building {request}: build secrets need a BuildKit session, which the engine at {engine.Endpoint} refuses ({_sessions.RefusalOf(engine.Endpoint)})");
            await using var tar = session is null ? WriteTar(context, log) : null;
            await using var output = tar is not null
#pragma warning disable CS0618 // The raw stream on purpose: the typed-progress overload cannot decode BuildKit's trace messages.
                ? await engine.Client.Images.BuildImageFromDockerfileAsync(tar, Parameters(request, context), cancellationToken)
#pragma warning restore CS0618
                : await SessionBuildRequest.SendAsync(
                    _sessions.HttpClientFor(engine.Endpoint),
                    SessionBuildRequest.PathAndQuery(request, request.DockerfilePath.Name, session!.Id), cancellationToken);
            log.Debug("[build] the engine answered the build request after {Milliseconds} ms", clock.ElapsedMilliseconds);
            using var reader = new StreamReader(output);
            var first = true;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (first)
                    log.Debug("[build] first progress after {Milliseconds} ms", clock.ElapsedMilliseconds);
                first = false;
                progress.Read(line);
            }
            if (session is not null)
            {
                await session.Attached;
                ContextTransfer = session.Transfer;
                log.Debug("[build] context through the session: {Transfer}", session.Transfer.ToString());
            }
        }
        catch (EngineAnswer answer)
        {
            throw new SlipwayException($"building {request}: the engine answered {(int)answer.Status}: {answer.Message}", answer);
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

    /// <summary>The session's folders: the context as Slipway's ignore file cuts it, and the Dockerfile's folder.</summary>
    private static BuildSession NewSession(ImageBuild request, BuildContext context, DockerfileFolder dockerfile, ILogger log)
    {
        SessionFolder[] folders =
        [
            new("context", context.Directory, context.Ignore, context),
            new("dockerfile", dockerfile.Folder, null),
        ];
        return new BuildSession(
            request.Context.Name, BuildSessions.SharedKeyOf(context.Directory.Value, context.Selection), folders, request.Secrets, request.RegistryLogins, log);
    }

    /// <summary>The context as a tar in a temp file that goes away when closed, for an engine without sessions.</summary>
    private static FileStream WriteTar(BuildContext context, ILogger log)
    {
        var tar = new FileStream(
            Path.Combine(Path.GetTempPath(), $"slipway-context-{Guid.NewGuid():N}.tar"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        context.WriteTo(tar);
        log.Debug("[build] context: {Bytes} bytes, ignore file {IgnoreFile}", tar.Length, context.IgnoreFile.Value);
        tar.Position = 0;
        return tar;
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
