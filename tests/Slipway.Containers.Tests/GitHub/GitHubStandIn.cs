using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Slipway.Containers.Tests.GitHub;

/// <summary>A stand-in for the few GitHub REST endpoints Slipway uses, on 127.0.0.1 and a free port, under
/// <c>/api/v3/</c> as Octokit addresses a non-github.com host. It answers in GitHub's JSON shapes, pages with a
/// <c>Link</c> header, and refuses like GitHub: 401 for a missing or wrong token, 404 for what does not exist (or
/// is not visible), 403 where a test forbids it.</summary>
internal sealed partial class GitHubStandIn : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly object _gate = new();
    private readonly List<string> _requests = [];
    private readonly List<(string Method, string PathPrefix)> _forbidden = [];

    public GitHubStandIn(string token = "ghp_standInToken0123456789", int pageSize = 2)
    {
        Token = token;
        PageSize = pageSize;
        (_listener, BaseUrl) = Listen();
        _serving = Task.Run(Serve);
    }

    /// <summary>What to give Octokit: it appends <c>api/v3/</c>.</summary>
    public Uri BaseUrl { get; }

    public string Token { get; }

    /// <summary>Page size when the client sends no <c>per_page</c> (GitHub's is 30).</summary>
    public int PageSize { get; set; }

    /// <summary>Every request as <c>METHOD /raw/path?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests { get { lock (_gate) return _requests.ToArray(); } }

    /// <summary>Answers 403 to <paramref name="method"/> requests whose path below <c>/api/v3/</c> starts so.</summary>
    public void Forbid(string method, string pathPrefix) { lock (_gate) _forbidden.Add((method, pathPrefix)); }

    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            try
            {
                Answer(context);
            }
            catch (Exception exception)
            {
                Respond(context, 500, new JsonObject { ["message"] = $"stand-in failed: {exception.Message}" });
            }
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        var raw = request.RawUrl ?? "/";
        lock (_gate) _requests.Add($"{request.HttpMethod} {raw}");
        var pathAndQuery = raw.Split('?', 2);
        const string root = "/api/v3/";
        if (!pathAndQuery[0].StartsWith(root, StringComparison.Ordinal))
        {
            Respond(context, 404, Error("Not Found"));
            return;
        }
        var path = pathAndQuery[0][root.Length..];
        var query = ParseQuery(pathAndQuery.Length > 1 ? pathAndQuery[1] : "");
        if (Refusal(request, path) is { } refusal)
        {
            Respond(context, refusal.Status, refusal.Body);
            return;
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var body = request.HasEntityBody ? JsonNode.Parse(new StreamReader(request.InputStream).ReadToEnd()) : null;
        var reply = Route(request.HttpMethod, segments, query, path, body);
        Respond(context, reply.Status, reply.Body, reply.Headers);
    }

    private (int Status, JsonNode Body)? Refusal(HttpListenerRequest request, string path)
    {
        var authorization = request.Headers["Authorization"];
        if (string.IsNullOrEmpty(authorization))
            return (401, Error("Requires authentication"));
        var parts = authorization.Split(' ', 2);
        var scheme = parts[0];
        var schemeKnown = scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
        if (!schemeKnown || parts.Length < 2 || parts[1] != Token)
            return (401, Error("Bad credentials"));
        lock (_gate)
            if (_forbidden.Any(f => f.Method == request.HttpMethod && path.StartsWith(f.PathPrefix, StringComparison.Ordinal)))
                return (403, Error("Resource not accessible by personal access token"));
        return null;
    }

    private Reply Route(string method, string[] s, Dictionary<string, string> query, string path, JsonNode? body) => (method, s) switch
    {
        ("GET", ["users", var login]) => Account(login),
        ("GET", ["orgs" or "users", var owner, "packages", "container", var name, "versions"]) =>
            ListVersions(s[0] == "orgs", owner, name, query, path),
        ("DELETE", ["orgs" or "users", var owner, "packages", "container", var name, "versions", var id]) =>
            DeleteVersion(s[0] == "orgs", owner, name, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)),
        ("GET", ["repos", var owner, var repo, "releases", "tags", .. var tag]) => ReleaseByTag(owner, repo, string.Join('/', tag)),
        ("POST", ["repos", var owner, var repo, "releases"]) => CreateRelease(owner, repo, body!),
        ("PATCH", ["repos", var owner, var repo, "releases", var id]) =>
            UpdateRelease(owner, repo, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), body!),
        _ => new Reply(404, Error("Not Found")),
    };

    private static JsonObject Error(string message) => new()
    {
        ["message"] = message,
        ["documentation_url"] = "https://docs.github.com/rest",
    };

    private static Dictionary<string, string> ParseQuery(string query) => query
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "");

    private static void Respond(HttpListenerContext context, int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            response.Headers[name] = value;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes);
        }
        response.Close();
    }

    private sealed record Reply(int Status, JsonNode? Body, IReadOnlyDictionary<string, string>? Headers = null);

    public void Dispose()
    {
        if (!_listener.IsListening)
            return;
        // Close alone: Stop then Close lets go of the port twice, and the second time the managed listener binds it
        // again to release it, which fails when another test has the port by then ("Address already in use").
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
