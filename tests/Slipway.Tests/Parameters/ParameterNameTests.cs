namespace Slipway.Tests.Parameters;

public sealed class ParameterNameTests
{
    [Theory]
    [InlineData("Registry", "registry", "REGISTRY")]
    [InlineData("RegistryToken", "registry-token", "REGISTRY_TOKEN")]
    [InlineData("GitHubToken", "git-hub-token", "GIT_HUB_TOKEN")]
    [InlineData("ImageID", "image-id", "IMAGE_ID")]
    [InlineData("HTTPProxy", "http-proxy", "HTTP_PROXY")]
    [InlineData("Python3Version", "python3-version", "PYTHON3_VERSION")]
    public void Names_are_dashed_on_the_command_line_and_upper_snake_in_the_environment(string name, string dashed, string environment)
    {
        Assert.Equal(dashed, ParameterName.Dashed(name));
        Assert.Equal(environment, ParameterName.Environment(name));
        Assert.True(ParameterName.Equal(name, dashed));
        Assert.True(ParameterName.Equal(name, environment));
    }

    [Fact]
    public void A_typo_gets_the_closest_name_and_nonsense_gets_none()
    {
        Assert.Equal("Platforms", ParameterName.Closest("platfroms", ["Registry", "Platforms"]));
        Assert.Null(ParameterName.Closest("no-such-param", ["Registry", "Platforms"]));
    }

    [Theory]
    [InlineData("BuildAppImag", "BuildAppImage")]
    [InlineData("build-app-image", "BuildAppImage")]
    [InlineData("Pussh", "Push")]
    [InlineData("Deploy", null)]
    public void Targets_and_parameters_get_the_same_suggestion_for_the_same_typo(string typed, string? expected)
    {
        string[] names = ["BuildAppImage", "Push", "Restore"];

        Assert.Equal(expected, ParameterName.Closest(typed, names));
        var message = TargetNames.UnknownMessage(typed, names);
        Assert.Equal(expected is null, !message.Contains("Did you mean", StringComparison.Ordinal));
        if (expected is not null)
            Assert.Contains($"Did you mean {expected}?", message);
    }
}
