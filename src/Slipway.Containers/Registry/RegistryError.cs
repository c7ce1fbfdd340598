using System.Net;
using System.Text;
using System.Text.Json;

namespace Slipway.Containers.Registry;

/// <summary>
/// A failed answer read into one line: the registry's own error codes and messages
/// (<c>{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}</c> → <c>UNAUTHORIZED authentication required</c>),
/// token servers' <c>details</c>/<c>error</c> fields, or the HTTP status when the body says nothing.
/// </summary>
internal sealed record RegistryError(HttpStatusCode Status, IReadOnlyList<string> Codes, string Text)
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxTextLength = 300;

    public bool Has(string code) => Codes.Contains(code, StringComparer.Ordinal);

    public static async Task<RegistryError> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, cancellationToken);
        var status = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase ?? response.StatusCode.ToString()}";
        var (codes, text) = Describe(body);
        return new RegistryError(response.StatusCode, codes, OneLine(text ?? status));
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBodyBytes];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
                total += read;
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    private static (IReadOnlyList<string> Codes, string? Text) Describe(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                return FromJson(document.RootElement);
            }
            catch (JsonException)
            {
                // not JSON after all: fall through to plain text
            }
        }
        var plain = trimmed.Length > 0 && !trimmed.StartsWith('<') ? trimmed : null;
        return ([], plain);
    }

    private static (IReadOnlyList<string>, string?) FromJson(JsonElement root)
    {
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var codes = new List<string>();
            var parts = new List<string>();
            foreach (var error in errors.EnumerateArray())
            {
                var code = Field(error, "code");
                var message = Field(error, "message");
                if (code is not null)
                    codes.Add(code);
                parts.Add(string.Join(' ', new[] { code, message }.Where(p => !string.IsNullOrEmpty(p))));
            }
            return (codes, parts.Count > 0 ? string.Join("; ", parts) : null);
        }
        var text = Field(root, "details") ?? Field(root, "message") ?? Field(root, "error_description") ?? Field(root, "error");
        return ([], text);
    }

    private static string? Field(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxTextLength ? line : line[..MaxTextLength] + "…";
    }
}
