/// <summary>A TMPDIR of its own for one <c>dotnet</c> command and every process it starts (the test hosts, the
/// builds they run), removed afterwards with what was left in it: the SDK leaves two empty folders in the temporary
/// directory on each build, pack, publish or test (dotnet/sdk#35353), hundreds a day on a build machine. Sticky and
/// open to all, as /tmp is, for the tests that hand folders to other users. MSBuild nodes are not kept for reuse: a
/// node keeps the temporary directory it started with, and another build reusing it would find it gone (dotnet/msbuild#13594).</summary>
internal sealed class DotNetTemporaryDirectory : IDisposable
{
    private DotNetTemporaryDirectory(string path) => Path = path;

    public string Path { get; }

    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["TMPDIR"] = Path,
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    public static DotNetTemporaryDirectory Create()
    {
        var path = Directory.CreateTempSubdirectory("slipway-dotnet-").FullName;
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, (UnixFileMode)0b1_111_111_111); // 1777, as /tmp
        return new DotNetTemporaryDirectory(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a file a test left to another user: the folder stays, as /tmp would have kept it
        }
    }
}
