using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// A stand-in for a token-auth registry (GHCR, Docker Hub) in front of an anonymous local registry: <c>/v2/</c>
/// requests without a valid token get <c>401</c> with <c>WWW-Authenticate: Bearer realm=..,service=..,scope=..</c>;
/// <c>/token</c> checks Basic credentials and issues a token for the scopes asked; requests whose token grants the
/// repository access they need are forwarded. It counts what it saw, so tests can check the client's token use.
/// </summary>
public sealed partial class BearerTokenGateway : LoopbackHttpServer
{
    public const string Service = "slipway-test-registry";
    private readonly string username;
    private readonly string password;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> issued = new();
    private readonly ConcurrentQueue<string> tokenScopes = new();
    private readonly TaskCompletionSource firstForwarded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? challengesArrived;
    private int challengesToHold;
    private int challenged;
    private int forwarded;

    public BearerTokenGateway(int upstreamPort, string username, string password)
        : base(upstreamPort)
    {
        this.username = username;
        this.password = password;
    }

    /// <summary>The scope query of every token request, in order.</summary>
    public IReadOnlyList<string> TokenRequests => tokenScopes.ToList();

    public int Challenged => Volatile.Read(ref challenged);

    public IReadOnlyCollection<string> IssuedTokens => issued.Keys.ToList();

    /// <summary>
    /// Stages the race a client meets when parallel requests start before it knows the registry wants tokens: the
    /// first <paramref name="count"/> challenges wait until all of them have arrived; the first is then answered,
    /// the others only after a request carrying a token got through (so the client has a token cached by then).
    /// </summary>
    public void HoldFirstChallenges(int count)
    {
        challengesToHold = count;
        challengesArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Makes every token issued so far invalid, as an expiry or a revocation on the server would.</summary>
    public void RevokeAll() => issued.Clear();

    /// <summary>Registry requests that carried a valid token and were forwarded.</summary>
    public int Forwarded => Volatile.Read(ref forwarded);

    private protected override async Task HandleAsync(HttpRequestHead head, byte[] body, Socket client, CancellationToken cancellationToken)
    {
        if (head.Path == "/token")
        {
            await IssueAsync(head, client, cancellationToken);
            return;
        }
        var needed = Needed(head);
        var token = head.Header("Authorization") is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : null;
        if (token is null || !issued.TryGetValue(token, out var granted) || !Grants(granted, needed))
        {
            var arrival = Interlocked.Increment(ref challenged);
            await HoldAsync(arrival, cancellationToken);
            var scope = needed is null ? "" : $",scope=\"{needed}\"";
            var error = token is null ? "" : ",error=\"insufficient_scope\"";
            await AnswerAsync(client, 401, "Unauthorized",
                """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""",
                [$"WWW-Authenticate: Bearer realm=\"http://{Address}/token\",service=\"{Service}\"{scope}{error}"], cancellationToken);
            return;
        }
        Interlocked.Increment(ref forwarded);
        firstForwarded.TrySetResult();
        // the registry behind is anonymous: it must not see the token
        var answer = await ForwardAsync(head, body, cancellationToken, [KeyValuePair.Create("Authorization", "")]);
        await SendAsync(client, answer, cancellationToken);
    }

    private async Task HoldAsync(int arrival, CancellationToken cancellationToken)
    {
        if (challengesArrived is not { } arrived || arrival > challengesToHold)
            return;
        if (arrival == challengesToHold)
            arrived.TrySetResult();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        if (arrival > 1)
            await firstForwarded.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }

    private async Task IssueAsync(HttpRequestHead head, Socket client, CancellationToken cancellationToken)
    {
        var query = head.Target.Contains('?') ? head.Target[(head.Target.IndexOf('?') + 1)..] : "";
        tokenScopes.Enqueue(Uri.UnescapeDataString(query));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        if (head.Header("Authorization") != expected)
        {
            await AnswerAsync(client, 401, "Unauthorized", """{"details":"incorrect username or password"}""", cancellationToken: cancellationToken);
            return;
        }
        var scopes = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith("scope=", StringComparison.Ordinal))
            .Select(p => Uri.UnescapeDataString(p[6..]))
            .ToList();
        var token = "t-" + Guid.NewGuid().ToString("N");
        issued[token] = scopes;
        await AnswerAsync(client, 200, "OK",
            JsonSerializer.Serialize(new { token, access_token = token, expires_in = 300 }), cancellationToken: cancellationToken);
    }

    /// <summary>The scope a request needs, e.g. <c>repository:voice:push</c>; null for <c>/v2/</c> itself.</summary>
    private static string? Needed(HttpRequestHead head)
    {
        var match = RepositoryPath().Match(head.Path);
        if (!match.Success)
            return null;
        var action = head.Method switch { "GET" or "HEAD" => "pull", "DELETE" => "delete", _ => "push" };
        return $"repository:{match.Groups["name"].Value}:{action}";
    }

    private static bool Grants(IReadOnlyList<string> granted, string? needed)
    {
        if (needed is null)
            return true;
        var resource = needed[..needed.LastIndexOf(':')];
        var action = needed[(needed.LastIndexOf(':') + 1)..];
        return granted.Any(g => g.LastIndexOf(':') is var i and > 0 && g[..i] == resource && g[(i + 1)..].Split(',').Contains(action));
    }

    [GeneratedRegex("^/v2/(?<name>.+?)/(?:manifests|blobs|tags)/")]
    private static partial Regex RepositoryPath();
}
