using System.Net;
using Octokit;

namespace Slipway.Containers.GitHub;

/// <summary>Turns what Octokit throws into the one line a user reads: what was attempted, GitHub's status and message,
/// and what to check. The token is masked should GitHub ever echo it.</summary>
internal static class GitHubRefusal
{
    public sealed record Hints(string Forbidden, string NotFound);

    public static bool Explains(Exception exception) =>
        exception is ApiException or HttpRequestException or TaskCanceledException;

    public static SlipwayException For(string action, Exception exception, IGitHubClient client, Hints? hints = null)
    {
        var message = exception switch
        {
            RateLimitExceededException limit =>
                $"GitHub refused to {action}: 403 rate limit exceeded — retry after {limit.Reset:u}",
            ApiException { StatusCode: HttpStatusCode.Unauthorized } api =>
                $"GitHub refused to {action}: 401 {Said(api)} — check GITHUB_TOKEN",
            ApiException { StatusCode: HttpStatusCode.Forbidden } api =>
                $"GitHub refused to {action}: 403 {Said(api)} — {hints?.Forbidden ?? "the token lacks the permission"}",
            ApiException { StatusCode: HttpStatusCode.NotFound } api =>
                $"GitHub refused to {action}: 404 {Said(api)} — {hints?.NotFound ?? "check the names, and that the token can see them"}",
            ApiException api =>
                $"GitHub failed to {action}: {(int)api.StatusCode} {Said(api)}",
            _ => $"could not reach GitHub at {client.Connection.BaseAddress} to {action}: {exception.Message}",
        };
        return new SlipwayException(Masked(message, client), exception);
    }

    /// <summary>GitHub's own message; on a paged list Octokit replaces a 404 by one of its own without GitHub's body,
    /// so then the status's reason phrase.</summary>
    private static string Said(ApiException api)
    {
        var said = api.HttpResponse is null ? null : api.ApiError?.Message;
        return string.IsNullOrWhiteSpace(said)
            ? new HttpResponseMessage(api.StatusCode).ReasonPhrase ?? api.StatusCode.ToString()
            : said.Trim();
    }

    /// <summary>Masks the token should GitHub echo it; a token too short to be real is left alone, as masking it
    /// would mangle ordinary words.</summary>
    private static string Masked(string message, IGitHubClient client)
    {
        var token = client.Connection.Credentials?.Password;
        return token is { Length: >= 8 } ? message.Replace(token, "***", StringComparison.Ordinal) : message;
    }
}
