using System.Runtime.Versioning;
using Slipway.Paths;

namespace Slipway.Containers.Tests.Support;

/// <summary>A fresh folder under the temp path, deleted when the test ends.</summary>
[SupportedOSPlatform("linux")]
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = AbsolutePath.From(Directory.CreateTempSubdirectory("slipway-test-").FullName);
    }

    public AbsolutePath Path { get; }

    /// <summary>Writes <paramref name="relativePath"/> (folders created), optionally with permission bits.</summary>
    public AbsolutePath Write(string relativePath, string content = "", UnixFileMode? mode = null)
    {
        var file = Path / relativePath;
        Directory.CreateDirectory(file.Parent);
        File.WriteAllText(file, content);
        if (mode is { } bits)
            File.SetUnixFileMode(file, bits);
        return file;
    }

    public AbsolutePath Copy(string source, string relativePath)
    {
        var file = Path / relativePath;
        Directory.CreateDirectory(file.Parent);
        File.Copy(source, file, overwrite: true);
        File.SetUnixFileMode(file, File.GetUnixFileMode(source));
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A name that is not valid UTF-8 (ContextWalkTests makes one) cannot be deleted through .NET's strings.
            using var remove = System.Diagnostics.Process.Start("rm", ["-rf", "--", Path.ToString()]);
            remove.WaitForExit();
        }
    }
}
