namespace Slipway.Paths;

/// <summary>Writes a file beside its final name and renames it over that name: a reader (another build, a client of
/// the build server) sees the old content or the new, never half of it.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; on Unix with <paramref name="mode"/> from
    /// the moment the file exists, when given.</summary>
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (mode is { } unixMode && !OperatingSystem.IsWindows())
            options.UnixCreateMode = unixMode;
        using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(false), options))
            writer.Write(text);
        File.Move(temporary, path, overwrite: true);
    }
}
