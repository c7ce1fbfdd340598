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

    [Fact]
    public async Task A_short_secret_is_masked_only_where_it_stands_alone_and_warned_about_once()
    {
        var run = await BuildRun.RunAsync<RegistryBuild>(_root, ["--registry-password", "voice"], b => b.Push);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("rel/****", run.Output);
        Assert.Contains("Target Push failed: the registry 127.0.0.1:5301 refused rel/voice for the password ****", run.Output);
        Assert.Contains("logged in with ****, pushing rel/voice and voice-builder", run.Output);
        var warning = Assert.Single(run.Lines, line => line.Contains("WRN] The secret"));
        Assert.EndsWith("The secret --registry-password is shorter than 8 characters: it cannot be masked reliably (it is masked only where it stands alone)", warning);
    }

    [Fact]
    public async Task An_error_line_keeps_a_name_that_merely_contains_a_short_secret()
    {
        var run = await BuildRun.RunAsync<RegistryBuild>(_root, ["--registry-password", "voice", "--retries", "rel/voice"], b => b.Push);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Lines, line => line.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("'rel/voice'", error);
        Assert.Equal(error, run.Lines[^1]);
    }

    [Theory]
    [InlineData("token s3cr3tvalue", "token ****")]
    [InlineData("'s3cr3tvalue'", "'****'")]
    [InlineData("https://user:s3cr3tvalue@host/x", "https://user:****@host/x")]
    [InlineData("it was s3cr3tvalue.", "it was ****.")]
    [InlineData("acme/s3cr3tvalue", "acme/s3cr3tvalue")]
    [InlineData("s3cr3tvalue-builder", "s3cr3tvalue-builder")]
    [InlineData("nots3cr3tvalue", "nots3cr3tvalue")]
    [InlineData("s3cr3tvalue_2", "s3cr3tvalue_2")]
    public void Only_whole_occurrences_of_a_secret_are_masked(string text, string masked)
    {
        var secrets = new SecretValues();
        secrets.Add("s3cr3tvalue", "--token");

        Assert.Equal(masked, secrets.Apply(text));
        Assert.Empty(secrets.TooShortToMask);
    }

    [Fact]
    public void A_secret_with_punctuation_at_its_edge_is_masked_where_it_touches_words()
    {
        var secrets = new SecretValues();
        secrets.Add("-p4ss-w0rd!");

        Assert.Equal("x****y", secrets.Apply("x-p4ss-w0rd!y"));
    }

    public sealed class RegistryBuild : SlipwayBuild
    {
        [Parameter("Password of the registry"), Secret]
        public readonly string? RegistryPassword;

        [Parameter("How often to retry a push")]
        public readonly int Retries;

        public Target Push => _ => _
            .Executes(() =>
            {
                Log.Information("logged in with {Password}, pushing rel/voice and voice-builder", RegistryPassword);
                throw new SlipwayException($"the registry 127.0.0.1:5301 refused rel/voice for the password {RegistryPassword}");
            });
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
