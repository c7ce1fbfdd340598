using Docker.DotNet.Models;

namespace Slipway.Containers.Engine;

public sealed partial class ContainerEngine
{
    private static readonly TimeSpan ExecPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs <paramref name="command"/> in the running <paramref name="container"/> as <paramref name="user"/>
    /// and returns its exit code (its output is not read).</summary>
    internal async Task<long> ExecAsync(string container, IReadOnlyList<string> command, string user, string what, CancellationToken cancellationToken)
    {
        var exec = await CallAsync(what, token => Client.Exec.CreateContainerExecAsync(container,
            new ContainerExecCreateParameters { Cmd = command.ToList(), User = user }, token), cancellationToken, WorkTimeout);
        await CallAsync(what, token => _api.StartExecDetachedAsync(exec.ID, token), cancellationToken, WorkTimeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(WorkTimeout);
        while (true)
        {
            var state = await CallAsync(what, token => Client.Exec.InspectContainerExecAsync(exec.ID, token), deadline.Token);
            if (!state.Running && state.ExitCode is { } exitCode)
                return exitCode;
            try
            {
                await Task.Delay(ExecPollInterval, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SlipwayException($"{what}: the command did not end within {WorkTimeout.TotalSeconds:0} s");
            }
        }
    }
}
