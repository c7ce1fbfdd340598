using System.Text;

namespace Slipway.Tool.Setup;

/// <summary>Reads and writes files below the repository root and records each step for the report. Text is written
/// as UTF-8 without a byte order mark, with the line endings as generated (\n); scripts get their execute bits.</summary>
internal sealed class RepositoryWriter(string root)
{
    private readonly List<SetupStep> _steps = [];

    public string Root => root;

    public IReadOnlyList<SetupStep> Steps => _steps;

    public bool Exists(string path) => File.Exists(Full(path)) || Directory.Exists(Full(path));

    public string? ReadOrNull(string path) => File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : null;

    public void Write(GeneratedFile file, string? reason = null)
    {
        var full = Full(file.Path);
        if (Directory.Exists(full))
            throw new SetupException($"{file.Path} is a folder; setup needs to write a file there");
        var existing = File.Exists(full) ? File.ReadAllText(full) : null;
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, file.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (file.Executable && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(full, File.GetUnixFileMode(full) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var action = existing is null ? SetupAction.Wrote : existing == file.Text ? SetupAction.Kept : SetupAction.Updated;
        _steps.Add(new SetupStep(file.Path, action, action == SetupAction.Kept ? reason ?? "unchanged" : reason));
    }

    public void Keep(string path, string reason) => _steps.Add(new SetupStep(path, SetupAction.Kept, reason));

    private string Full(string path) => Path.Combine(root, path);
}
