using System.Security.Cryptography;
using System.Text;
using Serilog;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;

namespace Slipway.Containers.Provisioning;

/// <summary>Local stand-ins for the builder and runtime base images, built by provision/base-images.sh with mmdebstrap
/// and cached by their package lists; the script ends with lines <c>BASE builder linux/amd64 TAG</c>. What it reported
/// is remembered in .nuke/temp, so a later run whose tags are all still in the engine does not run it again.</summary>
internal static class StandInBaseImages
{
    /// <summary>The official names the stand-ins stand in for (provision/base-images.sh tags them on the host platform
    /// too, so a plain <c>docker build</c> finds them); all carry Debian bookworm's Python 3.11, the 3.12 names included.</summary>
    public static readonly IReadOnlyDictionary<string, string> OfficialNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["python:3.11-bookworm"] = "builder", ["python:3.12-bookworm"] = "builder", ["python:3.11"] = "builder", ["python:3.12"] = "builder",
        ["python:3.11-slim-bookworm"] = "runtime", ["python:3.12-slim-bookworm"] = "runtime", ["python:3.11-slim"] = "runtime",
        ["python:3.12-slim"] = "runtime",
    };

    /// <summary>The label base-images.sh puts on every stand-in (its recipe hash): an image under an official name that
    /// carries it is a stand-in, not the official image.</summary>
    public const string Label = "io.slipway.base.hash";

    /// <summary>Which stand-in (<c>builder</c> or <c>runtime</c>) stands in for <paramref name="reference"/>
    /// (<c>python:3.11-slim</c>, <c>docker.io/library/python:3.11-slim</c>); null for a name no stand-in stands in for.</summary>
    public static string? RoleOf(string reference)
    {
        var name = reference;
        foreach (var prefix in new[] { "docker.io/", "index.docker.io/", "registry-1.docker.io/" })
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                name = name[prefix.Length..];
        if (name.StartsWith("library/", StringComparison.Ordinal))
            name = name["library/".Length..];
        return OfficialNames.GetValueOrDefault(name);
    }

    public static async Task<IReadOnlyDictionary<(string Kind, Platform Platform), string>> EnsureAsync(
        IReadOnlyList<Platform> platforms, ContainerEngine engine, string temporaryDirectory, ILogger log, CancellationToken cancellation)
    {
        if (!MachineProbe.CanProvision)
            throw new SlipwayException("stand-in base images are built with mmdebstrap, which needs Debian or Ubuntu and root " +
                                       "(or passwordless sudo); set BuilderBaseImage/RuntimeBaseImage to images the engine has or can pull");
        var script = new ProvisioningScript("base-images.sh");
        // one record per engine: the machine's and the current engine are provisioned side by side
        var endpointDigest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(engine.Endpoint.ToString())))[..12];
        var record = Path.Combine(temporaryDirectory, $"base-images-{endpointDigest}.txt");
        var key = $"{script.Digest} {engine.Endpoint}";
        var remembered = await RememberedAsync(record, key, platforms, engine, cancellation);
        if (remembered is not null)
        {
            log.Information("Using the local stand-in base images built earlier for {Platforms} (all still in the engine)",
                string.Join(" ", platforms));
            return remembered;
        }
        log.Warning("Using local stand-ins for the base images (no registry can be reached here): building or reusing them for {Platforms}, {Root}",
            string.Join(" ", platforms), MachineProbe.DescribeRoot(MachineProbe.Root));
        var lines = await script.RunAsync(temporaryDirectory, platforms.Select(p => p.ToString()), log, cancellation,
            engine.Endpoint.CliEnvironment());
        var tags = Parse(lines);
        foreach (var platform in platforms)
            foreach (var kind in new[] { "builder", "runtime" })
                if (!tags.ContainsKey((kind, platform)))
                    throw new SlipwayException($"base-images.sh reported no {kind} base image for {platform}");
        var known = File.Exists(record) && File.ReadLines(record).FirstOrDefault() == key ? Parse(File.ReadLines(record).Skip(1)) : [];
        foreach (var (entry, tag) in tags)
            known[entry] = tag;
        File.WriteAllLines(record, known.Select(pair => $"BASE {pair.Key.Kind} {pair.Key.Platform} {pair.Value}").Prepend(key));
        return tags;
    }

    private static async Task<Dictionary<(string Kind, Platform Platform), string>?> RememberedAsync(
        string record, string key, IReadOnlyList<Platform> platforms, ContainerEngine engine, CancellationToken cancellation)
    {
        if (!File.Exists(record) || File.ReadLines(record).FirstOrDefault() != key)
            return null;
        var tags = Parse(File.ReadLines(record).Skip(1));
        var wanted = platforms.SelectMany(platform => new[] { ("builder", platform), ("runtime", platform) }).ToArray();
        if (wanted.Any(entry => !tags.ContainsKey(entry)))
            return null;
        var present = await Task.WhenAll(wanted.Select(entry => engine.ImageExistsAsync(tags[entry], cancellation)));
        return present.All(found => found) ? tags : null;
    }

    private static Dictionary<(string Kind, Platform Platform), string> Parse(IEnumerable<string> lines)
    {
        var tags = new Dictionary<(string Kind, Platform Platform), string>();
        foreach (var parts in lines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p is ["BASE", _, _, _]))
            tags[(parts[1], Platform.Parse(parts[2]))] = parts[3];
        return tags;
    }
}
