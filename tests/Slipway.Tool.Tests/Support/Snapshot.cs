using System.Runtime.CompilerServices;

namespace Slipway.Tool.Tests.Support;

/// <summary>Compares generated text with <c>Snapshots/&lt;name&gt;</c> beside the test. A difference leaves the actual
/// text as <c>.received</c>; <c>SLIPWAY_UPDATE_SNAPSHOTS=1</c> accepts it (review the diff before committing).</summary>
public static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var expectedFile = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots", name);
        var receivedFile = expectedFile + ".received";
        actual = actual.ReplaceLineEndings("\n");
        Directory.CreateDirectory(Path.GetDirectoryName(expectedFile)!);
        if (Environment.GetEnvironmentVariable("SLIPWAY_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(expectedFile, actual);
            File.Delete(receivedFile);
            return;
        }
        var expected = File.Exists(expectedFile) ? File.ReadAllText(expectedFile).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedFile);
            return;
        }
        File.WriteAllText(receivedFile, actual);
        Assert.Fail(expected is null
            ? $"Snapshot {name} does not exist yet; the actual text is in {receivedFile} (SLIPWAY_UPDATE_SNAPSHOTS=1 accepts it)"
            : $"Snapshot {name} differs; the actual text is in {receivedFile} (SLIPWAY_UPDATE_SNAPSHOTS=1 accepts it after review)");
    }
}
