using System.Text;

namespace Slipway.Containers.Registry;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge, e.g.
/// <c>Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/x:pull"</c>.
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? Realm => Parameters.GetValueOrDefault("realm");

    public string? Service => Parameters.GetValueOrDefault("service");

    public string? Scope => Parameters.GetValueOrDefault("scope");

    /// <summary>The Bearer challenge of a response if it has one, else its Basic challenge, else null.</summary>
    public static AuthChallenge? From(HttpResponseMessage response)
    {
        var challenges = response.Headers.WwwAuthenticate
            .Select(h => Parse(h.Parameter is null ? h.Scheme : $"{h.Scheme} {h.Parameter}"))
            .OfType<AuthChallenge>()
            .ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
    }

    /// <summary>Reads <c>Scheme key=value, key="quoted, value"</c>; null when there is no scheme.</summary>
    public static AuthChallenge? Parse(string header)
    {
        var text = header.Trim();
        var space = text.IndexOf(' ');
        var scheme = space < 0 ? text : text[..space];
        if (scheme.Length == 0)
            return null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = space < 0 ? text.Length : space + 1;
        while (position < text.Length)
        {
            var equals = text.IndexOf('=', position);
            if (equals < 0)
                break;
            var key = text[position..equals].Trim().TrimStart(',').Trim();
            var (value, next) = ReadValue(text, equals + 1);
            if (key.Length > 0)
                parameters[key] = value;
            position = next;
        }
        return new AuthChallenge(scheme, parameters);
    }

    private static (string Value, int Next) ReadValue(string text, int start)
    {
        var position = start;
        while (position < text.Length && text[position] == ' ')
            position++;
        if (position < text.Length && text[position] == '"')
        {
            var value = new StringBuilder();
            position++;
            while (position < text.Length && text[position] != '"')
            {
                if (text[position] == '\\' && position + 1 < text.Length)
                    position++;
                value.Append(text[position++]);
            }
            var comma = text.IndexOf(',', Math.Min(position, text.Length));
            return (value.ToString(), comma < 0 ? text.Length : comma + 1);
        }
        var end = text.IndexOf(',', position);
        return end < 0 ? (text[position..].Trim(), text.Length) : (text[position..end].Trim(), end + 1);
    }
}
