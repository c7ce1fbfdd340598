using Serilog;
using Slipway.Processes;

namespace Slipway.Containers.Compose.Watch;

/// <summary>The service's own output while a watch runs: its container's log lines as they come, each prefixed with the
/// service's name as compose prints them (<c>backend  | ...</c>). Following a new container stops following the old one.</summary>
internal sealed class ServiceLogs(string service, IReadOnlyDictionary<string, string> environment, ILogger log) : IAsyncDisposable
{
    private CancellationTokenSource? _following;
    private Task _reading = Task.CompletedTask;

    /// <summary>Follows <paramref name="container"/>: its last <paramref name="tail"/> lines (all: null), or those
    /// written since <paramref name="since"/> (an engine timestamp: a restarted container's start), and what it writes
    /// from now on.</summary>
    public async Task FollowAsync(string container, int? tail = null, string? since = null)
    {
        await StopAsync();
        var following = new CancellationTokenSource();
        _following = following;
        string[] arguments = ["logs", "--follow",
            .. tail is { } lines ? new[] { "--tail", lines.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
            .. since is { Length: > 0 } start ? new[] { "--since", start } : [],
            container];
        _reading = Task.Run(async () =>
        {
            try
            {
                await Tool.RunAsync(new ToolRun("docker", arguments) { Environment = environment }, Write, Write, following.Token);
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    private void Write(string line) => log.Information("{Service:l}  | {Line:l}", service, line);

    public async Task StopAsync()
    {
        if (_following is null)
            return;
        await _following.CancelAsync();
        await _reading;
        _following.Dispose();
        _following = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
