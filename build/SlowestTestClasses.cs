using System.Globalization;
using System.Xml.Linq;

/// <summary>The test classes that took longest, read from the .trx files <c>dotnet test --logger trx</c> writes: the
/// durations of each class's tests summed (the time its fixtures take to set up is in none of them).</summary>
internal static class SlowestTestClasses
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<(string Class, TimeSpan Duration)> Read(IEnumerable<string> trxFiles, int count) =>
        trxFiles.SelectMany(ClassDurations)
            .GroupBy(test => test.Class, test => test.Duration)
            .Select(tests => (Class: tests.Key, Duration: tests.Aggregate(TimeSpan.Zero, (sum, duration) => sum + duration)))
            .OrderByDescending(testClass => testClass.Duration)
            .ThenBy(testClass => testClass.Class, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    public static string Line((string Class, TimeSpan Duration) testClass)
    {
        var tenths = (long)(testClass.Duration.TotalSeconds * 10);
        return string.Create(CultureInfo.InvariantCulture, $"{tenths / 600,3}m {tenths % 600 / 10.0:00.0}s  {testClass.Class}");
    }

    /// <summary>Each result's class (its test definition's <c>TestMethod className</c>) and duration; a test that did
    /// not run has none.</summary>
    private static IEnumerable<(string Class, TimeSpan Duration)> ClassDurations(string trxFile)
    {
        var run = XDocument.Load(trxFile).Root!;
        var classes = run.Descendants(Trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!, test => (string)test.Element(Trx + "TestMethod")!.Attribute("className")!);
        return run.Descendants(Trx + "UnitTestResult")
            .Where(result => result.Attribute("duration") is not null)
            .Select(result => (classes[(string)result.Attribute("testId")!],
                TimeSpan.Parse((string)result.Attribute("duration")!, CultureInfo.InvariantCulture)));
    }
}
