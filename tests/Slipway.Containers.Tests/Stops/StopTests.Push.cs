using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Slipway.Containers.Tests.Registry;

namespace Slipway.Containers.Tests.Stops;

public sealed partial class StopTests
{
    /// <summary>A progress line of a push with bytes sent: <c>push builder linux/amd64: 12.0 of 190 MB, 4.0 MB/s</c>.</summary>
    private static readonly Regex BytesMoving = new(@"push (?<push>(builder|app) linux/\w+): (?<sent>[\d.]+) (?:[kMG]?B )?of [\d.]+ [kMG]?B, [\d.]+ [kMG]?B/s");

    [Fact]
    public async Task SIGTERM_during_a_two_platform_Push_leaves_no_tag_in_the_registry_and_no_record_of_a_push()
    {
        await using var registry = await LocalRegistry.StartAsync();
        await using var relay = new ThrottledRelay(registry.Port, bytesPerSecond: 3_000_000);
        using var checkout = compiled.Checkout.Copy();
        ServiceFiles.WriteTo(checkout, "RUN head -c 24000000 /dev/urandom > /opt/venv/payload");
        var repository = "acme/" + checkout.ImageName.Split('/')[1];

        using (var push = checkout.Start("Push", "--platforms", "linux/amd64", "linux/arm64", "--registry", $"{relay.Address}/{repository}",
                   "--registry-username", LocalRegistry.Username, "--registry-password", LocalRegistry.Password))
        {
            Assert.True(await push.WaitForAsync(() => BytesMoving.Matches(push.Output).Any(Sent), Patience), push.Output);
            push.Signal("TERM");
            await push.WaitAsync(AfterSignal);

            AssertCancelled(push, "Push");
            Assert.Matches(new Regex(@"^BuildAppImage\s+Succeeded\s", RegexOptions.Multiline), push.Output);
        }

        foreach (var name in new[] { repository, repository + "-builder" })
        {
            Assert.Empty(await TagsAsync(registry, name));
            var dev = await ProcessRunner.RunAsync("skopeo", ["inspect", "--raw", "--tls-verify=false", "--creds",
                $"{LocalRegistry.Username}:{LocalRegistry.Password}", $"docker://{registry.Address}/{name}:dev"]);
            Assert.True(dev.ExitCode != 0, $"{name}:dev is in the registry: {dev.Text}");
        }
        Assert.False(Directory.Exists(Path.Combine(checkout.Temp, "digests")), "pushed digests recorded for a push that was stopped");
        Assert.False(File.Exists(Path.Combine(checkout.Temp, "pushed-images.json")), "pushed images recorded for a push that was stopped");
        Assert.Empty(Directory.GetFileSystemEntries(checkout.Temp, "push-*")); // no image archive or unpacked layers left
    }

    private static bool Sent(Match progress) => double.Parse(progress.Groups["sent"].Value, CultureInfo.InvariantCulture) > 0;

    /// <summary>The repository's tags through the registry API (none when the registry does not know the repository).</summary>
    private static async Task<IReadOnlyList<string>> TagsAsync(LocalRegistry registry, string repository)
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{LocalRegistry.Username}:{LocalRegistry.Password}")));
        using var response = await http.GetAsync($"http://{registry.Address}/v2/{repository}/tags/list");
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.NotFound)
            return [];
        Assert.True(response.IsSuccessStatusCode, body);
        var tags = JsonDocument.Parse(body).RootElement.GetProperty("tags");
        return tags.ValueKind == JsonValueKind.Array ? [.. tags.EnumerateArray().Select(tag => tag.GetString()!)] : [];
    }
}
