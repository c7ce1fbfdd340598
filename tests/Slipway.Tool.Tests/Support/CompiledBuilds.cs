using System.Security.Cryptography;
using System.Text;

namespace Slipway.Tool.Tests.Support;

/// <summary>The build projects compiled by the adopter repositories of one test run, kept by a hash of their build
/// sources: a repository whose sources are the same as an earlier one's gets that compiled build seeded into its
/// .nuke/temp (the files build.sh writes after compiling), so its first <c>./build.sh</c> finds the build current
/// instead of compiling it again (about 12 s of CPU each). build.sh still checks the seeded build as it checks its own
/// (the stamp of the sources, the size of every compiled file) and compiles where they differ.</summary>
public sealed class CompiledBuilds : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slipway-compiled-builds-").FullName;
    private readonly Lock _gate = new();

    /// <summary>Before a repository's first build: the compiled build of an earlier repository with the same build
    /// sources, when there is one. Returns whether one was seeded.</summary>
    public bool Seed(string repository)
    {
        var temp = Path.Combine(repository, ".nuke", "temp");
        if (CompiledBuild.IsIn(temp))
            return false;
        var kept = Path.Combine(_root, SourcesHash(repository));
        lock (_gate)
        {
            if (!Directory.Exists(kept))
                return false;
            CompiledBuild.Copy(kept, temp);
        }
        return true;
    }

    /// <summary>After a build that succeeded: its compiled build, for later repositories with the same sources.</summary>
    public void Keep(string repository)
    {
        var temp = Path.Combine(repository, ".nuke", "temp");
        if (!CompiledBuild.IsIn(temp))
            return;
        var kept = Path.Combine(_root, SourcesHash(repository));
        lock (_gate)
        {
            if (Directory.Exists(kept))
                return;
            var partial = kept + ".partial";
            CompiledBuild.Copy(temp, partial);
            Directory.Move(partial, kept);
        }
    }

    /// <summary>A hash over the names and content of the files build.sh hashes into its stamp, and more: everything
    /// under build/ (but bin/ and obj/) and the root files that shape the compilation.</summary>
    private static string SourcesHash(string repository)
    {
        var build = Path.Combine(repository, "build");
        var files = Directory.Exists(build)
            ? Directory.EnumerateFiles(build, "*", SearchOption.AllDirectories)
                .Where(file => !Path.GetRelativePath(build, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(folder => folder is "bin" or "obj"))
            : [];
        var rootFiles = Directory.EnumerateFiles(repository).Where(file => Path.GetFileName(file) is var name
            && (name.StartsWith("Directory.Build.", StringComparison.Ordinal) || name is "Directory.Packages.props" or "global.json" or "NuGet.config" or "build.sh"));
        var text = new StringBuilder();
        foreach (var file in files.Concat(rootFiles).Select(file => Path.GetRelativePath(repository, file)).Order(StringComparer.Ordinal))
            text.Append(file).Append('\0').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(repository, file))))).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
