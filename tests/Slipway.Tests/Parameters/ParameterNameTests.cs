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

    [Theory]
    [InlineData("RegistryToken", "REGISTRY_TOKEN", true)]
    [InlineData("RegistryToken", "SLIPWAY_REGISTRY_TOKEN", true)]
    [InlineData("RegistryToken", "registrytoken", true)]
    [InlineData("BuildSecrets", "BUILD_SECRETS", true)]
    [InlineData("RegistryToken", "REGISTRY", false)]
    [InlineData("Registry", "SLIPWAY_REGISTRY_TOKEN", false)]
    [InlineData("Token", "PIP_INDEX_TOKEN", false)]
    public void A_variable_is_read_by_the_parameter_it_spells_with_or_without_the_prefix(string parameter, string variable, bool reads) =>
        Assert.Equal(reads, EnvironmentLookup.Reads(parameter, variable));

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
