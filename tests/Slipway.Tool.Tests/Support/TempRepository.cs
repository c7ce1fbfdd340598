namespace Slipway.Tool.Tests.Support;

/// <summary>A git repository in a fresh temp folder, deleted afterwards. Its files are written by the test.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository(string name = "service", string? remote = null)
    {
        Root = Path.Combine(Directory.CreateTempSubdirectory("slipway-tool-").FullName, name);
        Directory.CreateDirectory(Root);
        Run.Git(Root, "init", "-q", "-b", "main");
        Run.Git(Root, "config", "user.email", "tests@slipway.invalid");
        Run.Git(Root, "config", "user.name", "Slipway tests");
        if (remote is not null)
            Run.Git(Root, "remote", "add", "origin", remote);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var file = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    public void Commit(string message = "files")
    {
        Run.Git(Root, "add", "-A");
        Run.Git(Root, "commit", "-q", "-m", message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
