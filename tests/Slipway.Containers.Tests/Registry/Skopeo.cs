using System.Text.Json;

namespace Slipway.Containers.Tests.Registry;

/// <summary>The independent reader: <c>skopeo inspect --raw</c> against the local registry.</summary>
internal static class Skopeo
{
    public static async Task<JsonDocument> InspectRawAsync(string address, string repository, string tag, string username, string password)
    {
        var result = await ProcessRunner.RunCheckedAsync("skopeo",
            ["inspect", "--raw", "--tls-verify=false", "--creds", $"{username}:{password}", $"docker://{address}/{repository}:{tag}"]);
        return JsonDocument.Parse(result.Stdout);
    }
}
