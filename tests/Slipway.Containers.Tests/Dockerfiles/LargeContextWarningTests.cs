using Slipway.Containers.Components;
using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>A context over 100 MB gets one warning naming its largest folders; a small one none. The big files are
/// sparse, so the test writes almost nothing to disk.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LargeContextWarningTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LogCapture _log = new();

    public void Dispose() => _folder.Dispose();

    private ContextFiles SelectEverything()
    {
        const string dockerfile = "FROM scratch\nCOPY . /app\n";
        _folder.Write("Dockerfile", dockerfile);
        return ContextSelection.Select(_folder.Path, DockerIgnore.Parse(""), Dockerfile.Parse(dockerfile).ReadsFromContext().Reads);
    }

    private void Sparse(string path, long bytes)
    {
        using var file = File.OpenWrite(_folder.Write(path));
        file.SetLength(bytes);
    }

    [Fact]
    public void A_context_over_100_MB_is_one_warning_naming_its_largest_folders()
    {
        Sparse("data/recordings.bin", 90_000_000);
        Sparse("models/weights.bin", 30_000_000);
        _folder.Write("main.py", "print()\n");

        LargeContextWarning.WarnIfLarge(SelectEverything(), "app", _log.Logger);

        var warning = Assert.Single(_log.Lines);
        Assert.Contains("The app context is 120.0 MB", warning);
        Assert.Contains("largest: data 90.0 MB, models 30.0 MB", warning);
        Assert.Contains(".dockerignore", warning);
    }

    [Fact]
    public void A_context_under_100_MB_gives_no_warning()
    {
        Sparse("data/recordings.bin", 99_000_000);

        LargeContextWarning.WarnIfLarge(SelectEverything(), "app", _log.Logger);

        Assert.Empty(_log.Lines);
    }
}
