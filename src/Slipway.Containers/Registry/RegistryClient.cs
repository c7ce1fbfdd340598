using System.Net;
using Polly;

namespace Slipway.Containers.Registry;

/// <summary>
/// A client for one registry's OCI distribution API (<c>/v2/</c>): anonymous, Basic or Bearer-token auth,
/// manifests, blobs (upload, cross-repository mount), tags. Every request runs through a bounded retry
/// (<see cref="RegistryRetry"/>); every failure a user should see is a <see cref="SlipwayException"/> whose one line
/// quotes the registry's own error code and message and never holds credentials.
/// </summary>
public sealed partial class RegistryClient : IDisposable
{
    private readonly HttpClient http;
    private readonly bool ownsHttp;
    private readonly RegistryClientOptions options;
    private readonly ResiliencePipeline pipeline;
    private readonly BearerTokenClient tokens;
    private readonly RegistryAuthenticator authenticator;

    /// <param name="registry">Host and optional port as in an <see cref="ImageReference"/>; <c>docker.io</c> is Docker Hub.</param>
    /// <param name="credentials">User and password or token; null for anonymous access.</param>
    /// <param name="options">Retry, timeout and upload settings.</param>
    /// <param name="handler">The HTTP handler to send through (the client does not dispose it); null for a new one.</param>
    public RegistryClient(string registry, RegistryCredentials? credentials = null, RegistryClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        if (ReferenceGrammar.CheckHost(registry) is { } problem)
            throw new SlipwayException($"invalid registry: {problem}");
        Registry = registry;
        this.options = options ?? RegistryClientOptions.Default;
        var host = registry == ImageReference.DockerHub ? "registry-1.docker.io" : registry;
        var scheme = (this.options.PlainHttp ?? IsLoopback(host)) ? "http" : "https";
        BaseAddress = new Uri($"{scheme}://{host}/");
        ownsHttp = handler is null;
        http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: ownsHttp)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline times each attempt
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Slipway/1.0");
        pipeline = RegistryRetry.Create(registry, this.options);
        tokens = new BearerTokenClient(http, registry, credentials, TimeProvider.System);
        authenticator = new RegistryAuthenticator(registry, BaseAddress.Authority, credentials, tokens);
    }

    /// <summary>The registry as users name it, e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>Where the API is reached, e.g. <c>https://ghcr.io/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The scheme the registry asked for so far (Anonymous until it sends a challenge).</summary>
    public RegistryAuthScheme AuthScheme => authenticator.Scheme;

    /// <summary>Bearer tokens fetched so far; tokens are cached per scope, so this stays small.</summary>
    public int TokensFetched => tokens.Fetched;

    internal RegistryClientOptions Options => options;

    public void Dispose()
    {
        if (ownsHttp)
            http.Dispose();
    }

    /// <summary>Runs one operation through the retry pipeline and turns what is left of a failure into one clear line.</summary>
    internal async Task<T> ExecuteAsync<T>(string operation, bool upload, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RegistryRetry.Timeout, upload ? options.UploadTimeout : options.RequestTimeout);
        context.Properties.Set(RegistryRetry.Operation, operation);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, step) => await step(ctx.CancellationToken),
                context,
                attempt);
        }
        catch (Exception e) when (RegistryRetry.IsTransient(e) && !cancellationToken.IsCancellationRequested)
        {
            var verb = e switch
            {
                TransientRegistryException => "failed",
                Polly.Timeout.TimeoutRejectedException => "timed out on",
                _ => "could not be reached for",
            };
            throw new SlipwayException(
                $"registry {Registry} {verb} {operation} after {options.MaxAttempts} attempts: {RegistryRetry.Describe(e)}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Sends one request (one attempt), answering an auth challenge once. Throws <see cref="TransientRegistryException"/>
    /// for answers worth retrying and <see cref="SlipwayException"/> for 401/403; returns every other answer.
    /// </summary>
    internal async Task<HttpResponseMessage> SendAsync(RegistryRequest request, string operation, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            using var message = request.Create();
            await authenticator.AuthorizeAsync(message, request.Scopes, operation, cancellationToken);
            var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && round == 0
                && await authenticator.AcceptChallengeAsync(response, message.Headers.Authorization, request.Scopes, operation, cancellationToken))
            {
                response.Dispose();
                continue;
            }
            if (RegistryRetry.IsTransient(response.StatusCode))
            {
                using (response)
                    throw new TransientRegistryException(await RegistryError.ReadAsync(response, cancellationToken), RegistryRetry.RetryAfter(response));
            }
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                using (response)
                    throw await RefusedAsync(response, operation, cancellationToken);
            }
            return response;
        }
    }

    /// <summary>The one-line failure for an answer the caller did not expect: "registry X refused push to voice: CODE message".</summary>
    /// <summary>The body of a GET read whole when it is at most <paramref name="maxBytes"/>; null for 404, the registry's
    /// refusal otherwise.</summary>
    internal async Task<byte[]?> ReadBoundedAsync(
        HttpResponseMessage response, string operation, string what, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        if (!response.IsSuccessStatusCode)
            throw await RefusedAsync(response, operation, cancellationToken);
        if (response.Content.Headers.ContentLength > maxBytes)
            throw new SlipwayException($"registry {Registry}: {what} is larger than {maxBytes} bytes");
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    internal async Task<SlipwayException> RefusedAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var error = await RegistryError.ReadAsync(response, cancellationToken);
        var hint = response.StatusCode == HttpStatusCode.Unauthorized && !authenticator.HasCredentials ? " (no credentials were given)" : "";
        return new SlipwayException($"registry {Registry} refused {operation}: {error.Text}{hint}");
    }

    internal Uri ApiUri(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>Upload locations may be absolute or relative to the registry.</summary>
    internal Uri Resolve(Uri? location, string operation) =>
        location is null
            ? throw new SlipwayException($"registry {Registry} answered {operation} without a Location header")
            : location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);

    internal static string PullFrom(string repository) => $"pull from {repository}";

    internal static string PushTo(string repository) => $"push to {repository}";

    private static bool IsLoopback(string host)
    {
        var name = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return name == "localhost" || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static void CheckRepository(string repository)
    {
        if (ReferenceGrammar.CheckRepository(repository) is { } problem)
            throw new SlipwayException($"invalid repository: {problem}");
    }
}
