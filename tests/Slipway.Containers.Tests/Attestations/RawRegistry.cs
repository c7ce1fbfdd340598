using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>The independent readers of what a push left in the registry: skopeo for manifests, a bare HTTP GET for blobs.</summary>
internal static class RawRegistry
{
    public static async Task<byte[]> InspectRawBytesAsync(LocalRegistry registry, string repository, string reference)
    {
        var separator = reference.StartsWith("sha256:", StringComparison.Ordinal) ? "@" : ":";
        var result = await ProcessRunner.RunCheckedAsync("skopeo",
            ["inspect", "--raw", "--tls-verify=false", "--creds", $"{LocalRegistry.Username}:{LocalRegistry.Password}", $"docker://{registry.Address}/{repository}{separator}{reference}"]);
        return result.Stdout;
    }

    public static async Task<JsonDocument> InspectRawAsync(LocalRegistry registry, string repository, string reference) =>
        JsonDocument.Parse(await InspectRawBytesAsync(registry, repository, reference));

    public static async Task<byte[]> GetBlobAsync(LocalRegistry registry, string repository, string digest)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LocalRegistry.Username}:{LocalRegistry.Password}")));
        using var response = await http.GetAsync($"http://{registry.Address}/v2/{repository}/blobs/{digest}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
