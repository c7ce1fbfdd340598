using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Platform = Slipway.Containers.Platforms.Platform;

namespace Slipway.Containers.Engine;

public sealed partial class ContainerEngine
{
    /// <summary>Runs <paramref name="run"/> to its end: create, start, wait, collect stdout/stderr, always remove.</summary>
    public async Task<ContainerRunResult> RunAsync(ContainerRun run, CancellationToken cancellationToken = default)
    {
        var id = await CreateContainerAsync(run.Image, run.Platform, cancellationToken, parameters =>
        {
            parameters.Cmd = run.Command.ToList();
            if (run.Entrypoint is not null)
                parameters.Entrypoint = run.Entrypoint.ToList();
            parameters.User = run.User ?? "";
            parameters.Env = run.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList();
            parameters.AttachStdout = true;
            parameters.AttachStderr = true;
            parameters.HostConfig = new HostConfig { NetworkMode = run.Network };
        });
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(run.Timeout);
            try
            {
                await Client.Containers.StartContainerAsync(id, new ContainerStartParameters(), deadline.Token);
                var exit = await Client.Containers.WaitContainerAsync(id, deadline.Token);
                using var logs = await Client.Containers.GetContainerLogsAsync(
                    id, new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, deadline.Token);
                var (output, error) = await logs.ReadOutputToEndAsync(deadline.Token);
                return new ContainerRunResult(exit.StatusCode, output, error);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SlipwayException($"container `{run}` did not finish within {run.Timeout.TotalSeconds:0.#} s");
            }
            catch (DockerApiException exception)
            {
                throw new SlipwayException($"could not run `{run}`: {Explain(EngineFailure.MessageOf(exception), run.Platform)}", exception);
            }
            catch (Exception exception) when (EngineFailure.Translate(this, $"running {run}", exception) is { } failure)
            {
                throw failure;
            }
        }
        finally
        {
            await RemoveContainerQuietlyAsync(id);
        }
    }

    public Task<ContainerRunResult> RunAsync(
        string image, IReadOnlyList<string> command, string? user = null, string network = "none", Platform? platform = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(new ContainerRun(image, command) { User = user, Network = network, Platform = platform }, cancellationToken);

    /// <summary>
    /// Reads files out of an image without running it: <paramref name="readTar"/> gets the tar stream of
    /// <paramref name="path"/> (entries named from its last segment: <c>/opt/venv</c> → <c>venv/...</c>).
    /// Works for foreign-platform images without emulation.
    /// </summary>
    public async Task<T> ReadImageFilesAsync<T>(
        string image, string path, Func<Stream, CancellationToken, Task<T>> readTar, CancellationToken cancellationToken = default)
    {
        var id = await CreateContainerAsync(image, null, cancellationToken,
            parameters => parameters.Cmd = ["/slipway-reads-files-and-never-starts-this"]);
        try
        {
            ContainerArchiveResponse archive;
            try
            {
                archive = await Client.Containers.GetArchiveFromContainerAsync(
                    id, new ContainerPathStatParameters { Path = path }, statOnly: false, cancellationToken);
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                throw new SlipwayException($"image {image} has no {path}", exception);
            }
            catch (Exception exception) when (EngineFailure.Translate(this, $"reading {path} from {image}", exception) is { } failure)
            {
                throw failure;
            }
            await using var tar = archive.Stream ?? throw new SlipwayException($"Docker engine sent no archive of {path} in {image}");
            return await readTar(tar, cancellationToken);
        }
        finally
        {
            await RemoveContainerQuietlyAsync(id);
        }
    }

    private async Task<string> CreateContainerAsync(
        string image, Platform? platform, CancellationToken cancellationToken, Action<CreateContainerParameters> configure)
    {
        var parameters = new CreateContainerParameters { Image = image, Platform = platform?.ToString() };
        configure(parameters);
        try
        {
            return (await CallAsync($"creating a container of {image}",
                token => Client.Containers.CreateContainerAsync(parameters, token), cancellationToken, WorkTimeout)).ID;
        }
        catch (SlipwayException exception) when (exception.InnerException is DockerImageNotFoundException)
        {
            throw new SlipwayException($"image {image} is not in the local Docker engine ({Endpoint}): build or pull it first", exception);
        }
    }

    private async Task RemoveContainerQuietlyAsync(string id)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, timeout.Token);
        }
        catch (Exception exception) when (exception is DockerApiException or HttpRequestException or OperationCanceledException or IOException)
        {
            // Gone already, or the engine went away: nothing left that we could remove.
        }
    }

    private static string Explain(string message, Platform? platform) =>
        message.Contains("exec format error", StringComparison.OrdinalIgnoreCase)
            ? $"{message} (the image is for another platform{(platform is null ? "" : $" ({platform})")}: is QEMU binfmt emulation enabled? see provision/engine.sh)"
            : message;

    /// <summary>Restarts <paramref name="container"/>: SIGTERM (its stop signal), SIGKILL after <paramref name="stopTimeout"/>
    /// (whole seconds, rounded up; zero kills at once).</summary>
    internal Task RestartContainerAsync(string container, TimeSpan stopTimeout, string what, CancellationToken cancellationToken) =>
        CallAsync(what, token => _api.RestartContainerAsync(container, (uint)Math.Ceiling(stopTimeout.TotalSeconds), token),
            cancellationToken, stopTimeout + WorkTimeout);
}
