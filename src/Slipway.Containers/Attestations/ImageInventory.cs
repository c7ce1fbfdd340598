using System.Text;
using System.Text.RegularExpressions;
using Slipway.Containers.Platforms;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Attestations;

/// <summary>
/// What an image holds, read from its bytes (a <c>docker save</c> archive), never by running it, so it works for any
/// platform without emulation: every Python distribution in the venv (<c>&lt;venv&gt;/lib/python*/site-packages/*.dist-info</c>)
/// and every installed Debian package, with the layers applied in order and their whiteouts honoured.
/// </summary>
public sealed partial record ImageInventory(Platform Platform, IReadOnlyList<PythonDistribution> Distributions, IReadOnlyList<DebianPackage> Packages)
{
    public const string DefaultVenv = "/opt/venv";

    public static async Task<ImageInventory> ReadAsync(
        Stream dockerSaveArchive, string venv = DefaultVenv, string? workDirectory = null, CancellationToken cancellationToken = default)
    {
        using var archive = await DockerSaveArchive.ExtractAsync(dockerSaveArchive, workDirectory ?? Path.GetTempPath(), cancellationToken);
        var platform = ImageConfig.Read(archive.Config).Platform;
        var venvPrefix = venv.Trim('/') + "/lib/";
        var files = await LayeredFiles.ReadAsync(archive.Layers.Select(l => l.Path),
            path => IsDpkgStatus(path) || (path.StartsWith(venvPrefix, StringComparison.Ordinal) && DistInfoMetadata().IsMatch(path[venvPrefix.Length..])),
            cancellationToken);

        var distributions = files.Where(f => !IsDpkgStatus(f.Key))
            .Select(f => DistributionMetadata.Parse(Encoding.UTF8.GetString(f.Value)))
            .OfType<PythonDistribution>()
            .DistinctBy(d => (d.NormalizedName, d.Version))
            .OrderBy(d => d.NormalizedName, StringComparer.Ordinal).ThenBy(d => d.Version, StringComparer.Ordinal)
            .ToList();
        var packages = files.Where(f => IsDpkgStatus(f.Key))
            .SelectMany(f => DpkgStatus.Parse(Encoding.UTF8.GetString(f.Value)))
            .DistinctBy(p => (p.Name, p.Version, p.Architecture))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Architecture, StringComparer.Ordinal)
            .ToList();
        return new ImageInventory(platform, distributions, packages);
    }

    public static async Task<ImageInventory> ReadFileAsync(
        string dockerSaveArchive, string venv = DefaultVenv, string? workDirectory = null, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(dockerSaveArchive);
        return await ReadAsync(stream, venv, workDirectory, cancellationToken);
    }

    private static bool IsDpkgStatus(string path) =>
        path == "var/lib/dpkg/status" || (path.StartsWith("var/lib/dpkg/status.d/", StringComparison.Ordinal) && path.Count(c => c == '/') == 4);

    [GeneratedRegex(@"^python[^/]*/site-packages/[^/]+\.dist-info/METADATA$")]
    private static partial Regex DistInfoMetadata();
}
