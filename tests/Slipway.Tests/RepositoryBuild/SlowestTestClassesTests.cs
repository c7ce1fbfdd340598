using Slipway.Tests.Support;

namespace Slipway.Tests.RepositoryBuild;

/// <summary>The slowest test classes <c>./build.sh Test</c> prints, read from .trx files as dotnet test writes them.</summary>
public sealed class SlowestTestClassesTests
{
    [Fact]
    public void Sums_each_classs_test_durations_across_results_files_and_lists_the_slowest_first()
    {
        using var root = new TempRoot();
        var containers = root.Write("results/containers.trx", Results(
            ("Suite.Containers.ImageTests", "00:01:10.5000000"),
            ("Suite.Containers.ImageTests", "00:00:20.2500000"),
            ("Suite.Containers.RegistryTests", "00:00:03.0000000"),
            ("Suite.Containers.SkippedTests", null)));
        var unit = root.Write("results/unit.trx", Results(
            ("Suite.Unit.PlannerTests", "00:00:59.9900000"),
            ("Suite.Unit.ServerTests", "00:00:45.0000000"),
            ("Suite.Unit.ServerTests", "00:00:46.0000000")));

        var slowest = SlowestTestClasses.Read([containers, unit], count: 3);

        Assert.Equal(
            [
                ("Suite.Unit.ServerTests", TimeSpan.FromSeconds(91)),
                ("Suite.Containers.ImageTests", TimeSpan.FromSeconds(90.75)),
                ("Suite.Unit.PlannerTests", TimeSpan.FromSeconds(59.99)),
            ],
            slowest);
        Assert.Equal("  1m 31.0s  Suite.Unit.ServerTests", SlowestTestClasses.Line(slowest[0]));
        Assert.Equal("  0m 59.9s  Suite.Unit.PlannerTests", SlowestTestClasses.Line(slowest[2]));
    }

    /// <summary>A .trx file in the shape the trx logger writes: a result per test (none of its duration when the
    /// test did not run), and the test definitions that name its class.</summary>
    private static string Results(params (string Class, string? Duration)[] tests)
    {
        var results = tests.Select((test, index) =>
            $"""<UnitTestResult executionId="e{index}" testId="t{index}" testName="{test.Class}.Test{index}" computerName="ci" """
            + (test.Duration is null ? """outcome="NotExecuted" """ : $"""duration="{test.Duration}" outcome="Passed" """)
            + """testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" />""");
        var definitions = tests.Select((test, index) =>
            $"""<UnitTest name="{test.Class}.Test{index}" storage="/suite.dll" id="t{index}"><Execution id="e{index}" />"""
            + $"""<TestMethod codeBase="/suite.dll" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="{test.Class}" name="Test{index}" /></UnitTest>""");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="r" name="ci 2026-12-07 10:00:00" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>{string.Join("", results)}</Results>
              <TestDefinitions>{string.Join("", definitions)}</TestDefinitions>
            </TestRun>
            """;
    }
}
