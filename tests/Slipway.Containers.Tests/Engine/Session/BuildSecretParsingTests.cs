using System.Runtime.Versioning;
using Slipway.Containers.Engine.Session;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine.Session;

[SupportedOSPlatform("linux")]
public sealed class BuildSecretParsingTests : IDisposable
{
    private readonly TempFolder _home = new();

    private Dictionary<string, string> Environment => new() { ["PIP_INDEX_TOKEN"] = "tok-123", ["token"] = "plain", ["HOME"] = _home.Path.Value };

    public void Dispose() => _home.Dispose();

    [Fact]
    public void An_env_secret_takes_the_variables_value()
    {
        var secret = BuildSecret.Parse("id=pip,env=PIP_INDEX_TOKEN", Environment);

        Assert.Equal("pip", secret.Id);
        Assert.Equal("tok-123", secret.Text);
        Assert.Equal("pip (from env PIP_INDEX_TOKEN)", secret.ToString());
    }

    [Fact]
    public void A_variable_that_is_set_but_empty_gives_an_empty_secret_that_says_so()
    {
        var secret = BuildSecret.Parse("id=pip,env=EMPTY", new Dictionary<string, string> { ["EMPTY"] = "" });

        Assert.True(secret.IsEmpty);
        Assert.False(BuildSecret.Parse("id=pip,env=PIP_INDEX_TOKEN", Environment).IsEmpty);
    }

    [Fact]
    public void A_file_secret_reads_the_file_with_the_home_folder_expanded()
    {
        _home.Write(".netrc", "machine index login me password hunter2\n");

        var secret = BuildSecret.Parse("id=netrc,src=~/.netrc", Environment);

        Assert.Equal("machine index login me password hunter2\n", secret.Text);
        Assert.DoesNotContain("hunter2", secret.ToString());
    }

    [Fact]
    public void An_id_alone_reads_the_variable_of_that_name_and_type_env_takes_src_as_the_variable()
    {
        Assert.Equal("plain", BuildSecret.Parse("id=token", Environment).Text);
        Assert.Equal("tok-123", BuildSecret.Parse("type=env,id=x,src=PIP_INDEX_TOKEN", Environment).Text);
    }

    [Theory]
    [InlineData("env=PIP_INDEX_TOKEN", "--build-secrets: invalid secret 'env=PIP_INDEX_TOKEN': no id= (the name RUN --mount=type=secret,id=... uses); expected id=NAME,env=VARIABLE or id=NAME,src=FILE")]
    [InlineData("id=a,colour=red", "--build-secrets: invalid secret 'id=a,colour=red': unknown key 'colour' (expected id, env, src, type); expected id=NAME,env=VARIABLE or id=NAME,src=FILE")]
    [InlineData("id=a,oops", "--build-secrets: invalid secret 'id=a,oops': 'oops' is not key=value; expected id=NAME,env=VARIABLE or id=NAME,src=FILE")]
    [InlineData("id=a,env=NOT_SET_ANYWHERE", "--build-secrets: secret 'a' reads environment variable NOT_SET_ANYWHERE, which is not set")]
    [InlineData("id=a,env=X,src=y", "--build-secrets: invalid secret 'id=a,env=X,src=y': both env= and src=; give one; expected id=NAME,env=VARIABLE or id=NAME,src=FILE")]
    public void A_bad_spec_fails_with_one_line(string spec, string message)
    {
        var failure = Assert.Throws<SlipwayException>(() => BuildSecret.Parse(spec, Environment));

        Assert.Equal(message, failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public void A_missing_file_and_a_repeated_id_fail_with_one_line()
    {
        var missing = Assert.Throws<SlipwayException>(() => BuildSecret.Parse("id=netrc,src=~/.nowhere", Environment));
        Assert.Equal($"--build-secrets: secret 'netrc' reads file {_home.Path.Value}/.nowhere, which does not exist", missing.Message);

        var twice = Assert.Throws<SlipwayException>(() => BuildSecret.ParseAll(["id=pip,env=PIP_INDEX_TOKEN", "id=pip,env=token"], Environment));
        Assert.Equal("--build-secrets: id 'pip' is given twice", twice.Message);
    }
}
