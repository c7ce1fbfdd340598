using System.Collections;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Tests.Support;

/// <summary>The one setting that says where the integration tests' base images come from: the official python:3.11
/// images where the engine has them or can pull them (a GitHub-hosted runner), the local stand-ins otherwise (this
/// offline machine, provisioned by ProvisionTestMachine). <c>SLIPWAY_TEST_BASE_IMAGES=Official|StandIn</c> overrides it.</summary>
internal static class TestBaseImages
{
    public const string OfficialBuilder = "python:3.11-bookworm";
    public const string OfficialRuntime = "python:3.11-slim-bookworm";
    public const string Variable = "SLIPWAY_TEST_BASE_IMAGES";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> Chosen = new();

    /// <summary><c>Official</c> or <c>StandIn</c>: the value of <c>--base-images</c> for the sample builds on the default engine.</summary>
    public static string Source => SourceFor(null);

    /// <summary>The same choice for another engine (the current engine): each engine has the base images it has.</summary>
    public static string SourceFor(EngineEndpoint? endpoint) =>
        Chosen.GetOrAdd(endpoint?.ToString() ?? "", _ => new Lazy<string>(() => Choose(endpoint))).Value;

    private static string Choose(EngineEndpoint? endpoint)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
            return given;
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "");
        using var engine = endpoint is null ? ContainerEngine.FromEnvironment(environment) : new ContainerEngine(endpoint);
        return Task.Run(async () =>
        {
            var platform = await engine.GetPlatformAsync();
            foreach (var reference in new[] { OfficialBuilder, OfficialRuntime })
            {
                if (await engine.InspectImageAsync(reference) is { } local && local.Platform == platform
                    && !local.Labels.ContainsKey(Provisioning.StandInBaseImages.Label)) // a stand-in tagged under the official name is no official image
                    continue;
                try
                {
                    await engine.PullImageAsync(reference, platform, null, CancellationToken.None);
                }
                catch (Exception failure) when (failure is SlipwayException or TimeoutException or OperationCanceledException or HttpRequestException)
                {
                    return "StandIn"; // no registry here (or it did not answer in time): the provisioned stand-ins
                }
            }
            return "Official";
        }).GetAwaiter().GetResult();
    }
}
