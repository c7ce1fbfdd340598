using Slipway.Ci;
using Slipway.Tests.Support;

namespace Slipway.Tests.Ci;

public sealed class StepSummaryTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Appends_an_images_table_to_the_job_summary()
    {
        var file = _root.Write("summary.md", "earlier step\n");
        var summary = StepSummary.For(new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = file });

        summary.AppendHeading("Images")
            .AppendTable(
                ["Image", "Platform", "Tag", "Digest", "Size", "Result"],
                [
                    ["acme/voice-builder", "linux/amd64", "deps-0123456789ab", "sha256:aa", "812 MB", "skipped: exists in the registry"],
                    ["acme/voice", "linux/arm64", "1.2.0", null, "95 MB", "built | pushed\nby digest"],
                ]);

        Assert.Equal(
            """
            earlier step
            ### Images

            | Image | Platform | Tag | Digest | Size | Result |
            | --- | --- | --- | --- | --- | --- |
            | acme/voice-builder | linux/amd64 | deps-0123456789ab | sha256:aa | 812 MB | skipped: exists in the registry |
            | acme/voice | linux/arm64 | 1.2.0 |  | 95 MB | built \| pushed<br>by digest |


            """.ReplaceLineEndings("\n"),
            File.ReadAllText(file));
    }

    [Fact]
    public void Without_a_summary_file_nothing_is_written()
    {
        var summary = StepSummary.For(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        summary.AppendTable(["Image"], [["acme/voice"]]);

        Assert.False(summary.IsEnabled);
        Assert.Empty(Directory.EnumerateFiles(_root.Path));
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => MarkdownTable.Of(["Image", "Platform"], [["acme/voice"]]));
    }
}
