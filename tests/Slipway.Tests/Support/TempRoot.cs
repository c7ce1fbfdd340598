using Slipway.Paths;

namespace Slipway.Tests.Support;

/// <summary>A build root in a temporary folder: holds <c>.nuke/</c>, deleted afterwards.</summary>
public sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        // A folder of its own, made by this user: a shared /tmp/slipway-tests made by another user (root on the same
        // machine) cannot be written by a non-root test run.
        Path = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-tests-").FullName);
        Directory.CreateDirectory(Path / ".nuke");
    }

    public AbsolutePath Path { get; }

    public AbsolutePath Temp => Path / ".nuke" / "temp";

    /// <summary>Writes a file below the root (creating folders) and returns its path.</summary>
    public AbsolutePath Write(string relativePath, string content)
    {
        var file = Path / relativePath;
        Directory.CreateDirectory(file.Parent);
        File.WriteAllText(file, content);
        return file;
    }

    public string Read(string relativePath) => File.ReadAllText(Path / relativePath);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
