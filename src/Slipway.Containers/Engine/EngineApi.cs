using System.Net;
using System.Text.Json;

namespace Slipway.Containers.Engine;

/// <summary>
/// The engine's version and image inspection, asked on the path of every build (Restore, the up-to-date checks). They
/// go straight to the API, their JSON read as documents (<see cref="EngineJson"/>): Docker.DotNet's first call of each
/// kind costs about 50-100 ms of set-up in a fresh process, which a build that has nothing to do should not pay. Also
/// the calls Docker.DotNet cannot make as meant.
/// </summary>
internal sealed class EngineApi(EngineEndpoint endpoint) : IDisposable
{
    private readonly Lazy<HttpClient> _client = new(() => EngineHttp.ClientFor(endpoint));

    public Task<EngineVersion?> VersionAsync(CancellationToken cancellationToken) =>
        GetAsync("/version", EngineVersion.From, cancellationToken);

    /// <summary>The image, or null when the engine has none by that reference.</summary>
    public Task<EngineImage?> InspectImageAsync(string reference, CancellationToken cancellationToken) =>
        GetAsync($"/images/{reference}/json", EngineImage.From, cancellationToken);

    /// <summary>Starts a created exec detached: no stream to attach, so the engine answers at once (Docker.DotNet's
    /// start always attaches, which Slipway's transport does not do).</summary>
    public async Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken)
    {
        using var body = new StringContent("""{"Detach":true,"Tty":false}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await _client.Value.PostAsync($"/exec/{execId}/start", body, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new EngineAnswer(response.StatusCode, EngineHttp.MessageOf(await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    /// <summary>Restarts a container, its process killed after <paramref name="stopSeconds"/>; sent here because
    /// Docker.DotNet leaves a 0 out of the query, and the engine then waits the container's own stop timeout.</summary>
    public async Task RestartContainerAsync(string container, uint stopSeconds, CancellationToken cancellationToken)
    {
        using var response = await _client.Value.PostAsync(
            $"/containers/{Uri.EscapeDataString(container)}/restart?t={stopSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            null, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new EngineAnswer(response.StatusCode, EngineHttp.MessageOf(await response.Content.ReadAsStringAsync(cancellationToken)));
    }

    private async Task<T?> GetAsync<T>(string path, Func<JsonElement, T> read, CancellationToken cancellationToken) where T : class
    {
        using var response = await _client.Value.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        if (!response.IsSuccessStatusCode)
            throw new EngineAnswer(response.StatusCode, EngineHttp.MessageOf(await response.Content.ReadAsStringAsync(cancellationToken)));
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return read(json.RootElement);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
            _client.Value.Dispose();
    }
}
