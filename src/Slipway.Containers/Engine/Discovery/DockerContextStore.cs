using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Slipway.Containers.Engine.Discovery;

/// <summary>
/// The Docker CLI's contexts in its configuration folder: <c>contexts/meta/&lt;sha256 of the name&gt;/meta.json</c>
/// holds the docker endpoint (<c>Endpoints.docker.Host</c>, <c>SkipTLSVerify</c>), and
/// <c>contexts/tls/&lt;sha256 of the name&gt;/docker/</c> its ca.pem, cert.pem and key.pem.
/// </summary>
public sealed class DockerContextStore(string configFolder)
{
    public const string DefaultContext = "default";

    /// <summary>The context <paramref name="name"/>, failing with one line (naming <paramref name="origin"/>) when there is none.</summary>
    internal static FoundEngine Require(EngineLookup lookup, string name, string origin)
    {
        if (name == DefaultContext)
        {
            var found = EngineDiscovery.DefaultContext(lookup);
            return found with { FoundBy = $"context default ({found.FoundBy})" };
        }
        var store = lookup.Contexts
                    ?? throw new SlipwayException($"Docker context '{name}' ({origin}) cannot be looked up: neither DOCKER_CONFIG nor HOME is set");
        return store.Find(name, origin)
               ?? throw new SlipwayException(
                   $"Docker context '{name}' ({origin}) does not exist in {store.ContextsFolder}: `docker context ls` lists the contexts there");
    }

    public string ContextsFolder => Path.Combine(configFolder, "contexts");

    /// <summary>The context's engine, or null when the store has no context of that name.</summary>
    public FoundEngine? Find(string name, string origin)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var meta = Path.Combine(ContextsFolder, "meta", key, "meta.json");
        if (!File.Exists(meta))
            return null;
        var (host, skipVerify) = DockerEndpointOf(meta, name);
        var tlsFolder = Path.Combine(ContextsFolder, "tls", key, "docker");
        var tls = Directory.Exists(tlsFolder) || skipVerify ? new EngineTls(tlsFolder, VerifyServer: !skipVerify) : null;
        var endpoint = EngineEndpoint.Parse(host, host.StartsWith("tcp://", StringComparison.Ordinal) ? tls : null, $"context {name}");
        return new FoundEngine(endpoint, $"context {name}" + (origin == "DOCKER_CONTEXT" ? " (DOCKER_CONTEXT)" : ""));
    }

    private static (string Host, bool SkipVerify) DockerEndpointOf(string meta, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(meta));
            if (json.RootElement.TryGetProperty("Endpoints", out var endpoints)
                && endpoints.TryGetProperty("docker", out var docker)
                && docker.TryGetProperty("Host", out var host) && host.GetString() is { Length: > 0 } address)
                return (address, docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True);
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException)
        {
            throw new SlipwayException($"Docker context '{name}': {meta} is not a context's meta.json ({failure.Message})");
        }
        throw new SlipwayException($"Docker context '{name}' has no docker endpoint (Endpoints.docker.Host in {meta})");
    }
}
