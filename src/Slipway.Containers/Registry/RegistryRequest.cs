using System.Net.Http.Headers;

namespace Slipway.Containers.Registry;

/// <summary>One registry request as a recipe: each attempt (and each auth round) builds a fresh message from it.</summary>
internal sealed record RegistryRequest(HttpMethod Method, Uri Uri, ScopeSet Scopes)
{
    public Func<HttpContent>? Content { get; init; }

    public IReadOnlyList<string> Accept { get; init; } = [];

    public HttpRequestMessage Create()
    {
        var message = new HttpRequestMessage(Method, Uri) { Content = Content?.Invoke() };
        foreach (var mediaType in Accept)
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        return message;
    }
}
