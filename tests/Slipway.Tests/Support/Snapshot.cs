using System.Runtime.CompilerServices;

namespace Slipway.Tests.Support;

/// <summary>Compares generated text with a file under <c>Snapshots/</c> next to the test. On a difference the actual text
/// is written beside it as <c>.received</c>; to accept it, run the tests with <c>SLIPWAY_UPDATE_SNAPSHOTS=1</c>
/// (see tests/README.md) and review the diff before committing.</summary>
public static class Snapshot
{
    public const string UpdateVariable = "SLIPWAY_UPDATE_SNAPSHOTS";

    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var expectedFile = Path.Combine(directory, name);
        var receivedFile = expectedFile + ".received";
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
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
        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedFile, actual);
        var how = $"If the new text is right, run the tests with {UpdateVariable}=1 to accept it, then review the diff.";
        if (expected is null)
            Assert.Fail($"Snapshot {name} does not exist yet; the actual text is in {receivedFile}. {how}");
        Assert.Fail($"Snapshot {name} differs {FirstDifference(expected, actual)}. Actual text: {receivedFile}. {how}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var want = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var got = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (want != got)
                return $"at line {i + 1}:\n  expected: {want}\n  actual:   {got}\n";
        }
        return "";
    }
}
