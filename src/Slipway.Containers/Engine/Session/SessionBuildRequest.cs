using System.Text.Json;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// <c>POST /build?version=2&amp;session=&lt;id&gt;&amp;remote=client-session</c> with no body: BuildKit reads the
/// context and the Dockerfile through the session. Docker.DotNet has no session parameter, so this request is made
/// with an HttpClient on the engine's socket (<see cref="EngineHttp"/>); the answer is the same JSON-lines stream the tar upload gets.
/// </summary>
internal static class SessionBuildRequest
{
    public static string PathAndQuery(ImageBuild request, string dockerfileName, string sessionId)
    {
        var query = new List<(string, string)>
        {
            ("version", "2"),
            ("session", sessionId),
            ("remote", "client-session"),
            ("dockerfile", dockerfileName),
            ("rm", "1"),
            ("forcerm", "1"),
        };
        query.AddRange(request.Tags.Select(tag => ("t", tag)));
        if (request.Target is { } target)
            query.Add(("target", target));
        if (request.BuildArgs.Count > 0)
            query.Add(("buildargs", JsonSerializer.Serialize(request.BuildArgs.ToDictionary(), SessionJson.Default.DictionaryStringString)));
        if (request.Labels.Count > 0)
            query.Add(("labels", JsonSerializer.Serialize(request.Labels.ToDictionary(), SessionJson.Default.DictionaryStringString)));
        if (request.Platform is { } platform)
            query.Add(("platform", platform.ToString()));
        if (request.Pull)
            query.Add(("pull", "1"));
        if (request.NoCache)
            query.Add(("nocache", "1"));
        return "/build?" + string.Join('&', query.Select(pair => $"{pair.Item1}={Uri.EscapeDataString(pair.Item2)}"));
    }

    /// <summary>The build's output stream; an engine that rejects the request fails with its message.</summary>
    public static async Task<Stream> SendAsync(HttpClient client, string pathAndQuery, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new ByteArrayContent([]) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-tar");
        var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        response.Dispose();
        throw new EngineAnswer(response.StatusCode, EngineHttp.MessageOf(body));
    }
}
