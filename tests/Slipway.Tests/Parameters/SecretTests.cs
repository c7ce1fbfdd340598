using Slipway.Output;
using Slipway.Parameters;
using Slipway.Tests.Support;

namespace Slipway.Tests.Parameters;

public sealed class SecretTests : IDisposable
{
    private const string Token = "s3cr3t-t0ken\"x";
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_secret_never_appears_in_logs_the_summary_the_log_file_or_errors()
    {
        var run = await BuildRun.RunAsync<LeakyBuild>(_root, ["--api-token", Token], b => b.Leak);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("s3cr3t", run.Output);
        Assert.Contains("token is ****", run.Output);
        var log = _root.Read(".nuke/temp/build.log");
        Assert.DoesNotContain("s3cr3t", log);
        Assert.Contains("****", log);
    }

    [Fact]
    public async Task A_secret_from_the_environment_is_masked_in_help()
    {
        var run = await BuildRun.RunAsync<LeakyBuild>(_root, ["--help"], b => b.Leak,
            new Dictionary<string, string> { ["API_TOKEN"] = Token });

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("s3cr3t", run.Output);
        Assert.Contains("current: **** (from environment variable API_TOKEN)", run.Output);
    }

    [Fact]
    public async Task A_secret_default_in_code_is_masked_too()
    {
        var run = await BuildRun.RunAsync<LeakyBuild>(_root, ["Echo"], b => b.Leak);

        Assert.DoesNotContain("built-in-default-key", run.Output);
        Assert.Contains("key is ****", run.Output);
        Assert.Matches(@"Build succeeded in \d+\.\ds", run.Output); // the default 0 of the secret number is not masked

    }

    [Fact]
    public async Task A_malformed_secret_value_is_not_repeated_in_the_error()
    {
        var run = await BuildRun.RunAsync<LeakyBuild>(_root, ["--pin", "12ab-secret"], b => b.Leak);

        Assert.Equal("error: parameter Pin (--pin): the value (secret, not shown) is not an integer", Assert.Single(run.Lines));
    }

    [Fact]
    public void The_masking_writer_masks_a_secret_written_in_pieces_across_one_line()
    {
        var secrets = new SecretValues();
        secrets.Add("hunter2");
        var inner = new StringWriter();
        using (var writer = new SecretMaskingWriter(inner, secrets))
        {
            writer.Write("password: hun");
            writer.Write("ter");
            writer.Write('2');
            writer.WriteLine(" (do not share)");
            writer.Write("again hunter2");
        }

        Assert.Equal($"password: **** (do not share){Environment.NewLine}again ****", inner.ToString());
    }

    public sealed class LeakyBuild : SlipwayBuild
    {
        [Parameter("Token for the API"), Secret]
        public readonly string? ApiToken;

        [Parameter("A key with a default"), Secret]
        public readonly string Key = "built-in-default-key";

        [Parameter("A secret number"), Secret]
        public readonly int Pin;

        public Target Leak => _ => _
            .Executes(() =>
            {
                Log.Information("token is {Token}", ApiToken);
                Note($"used {ApiToken}");
                throw new SlipwayException($"rejected {ApiToken}");
            });

        public Target Echo => _ => _.Executes(() => Log.Warning("key is {Key}", Key));
    }
}
