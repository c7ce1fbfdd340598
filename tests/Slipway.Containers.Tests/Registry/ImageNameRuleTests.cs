using Slipway.Containers.Components;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

/// <summary>One image-name rule: the image-name parameter accepts exactly the names a parsed reference accepts (the
/// distribution grammar: separators '.', '_', '__' and one or more '-').</summary>
public sealed class ImageNameRuleTests
{
    [Theory]
    [InlineData("acme/voice")]
    [InlineData("voice")]
    [InlineData("acme/my_voice")]
    [InlineData("acme/my__voice")]
    [InlineData("acme/my-voice")]
    [InlineData("acme/my--voice")]
    [InlineData("acme/my---voice")]
    [InlineData("acme/voice.app")]
    [InlineData("ghcr.io/acme/voice")]
    [InlineData("127.0.0.1:5301/rel/voice")]
    [InlineData("localhost/voice")]
    [InlineData("localhost:5000/a/b/c")]
    public void Accepts_names_of_the_distribution_grammar(string name)
    {
        Assert.Equal(name, ImageNameRule.Validate(name));
        Assert.True(ImageReference.TryParse(name, out _, out var error), error);
    }

    [Theory]
    [InlineData("acme/my___voice", "repository path component 'my___voice' is not valid")]
    [InlineData("acme/my..voice", "repository path component 'my..voice' is not valid")]
    [InlineData("acme/-voice", "repository path component '-voice' is not valid")]
    [InlineData("acme/voice-", "repository path component 'voice-' is not valid")]
    [InlineData("acme/_voice", "repository path component '_voice' is not valid")]
    [InlineData("Acme/Voice App", "repository path component 'Acme' must be lowercase (use 'acme')")]
    [InlineData("acme//voice", "repository 'acme//voice' has an empty path component")]
    [InlineData("acme/voice:1.0", "repository path component 'voice:1.0' is not valid")]
    [InlineData("127.0.0.1:5301", "repository path component '127.0.0.1:5301' is not valid")]
    [InlineData("Ghcr.io/acme/voice", "registry host 'Ghcr.io' must be lowercase (use 'ghcr.io')")]
    [InlineData("", "the repository name is empty")]
    public void Rejects_other_names_saying_which_part_is_wrong(string name, string problem)
    {
        var error = Assert.Throws<SlipwayException>(() => ImageNameRule.Validate(name));

        Assert.StartsWith($"invalid image name '{name}': {problem}", error.Message);
        Assert.StartsWith(problem, ReferenceGrammar.CheckName(name));
    }

    [Theory]
    [InlineData("acme/my___voice")]
    [InlineData("acme/-voice")]
    [InlineData("acme/my..voice")]
    public void A_name_the_rule_rejects_is_no_reference_either(string name)
    {
        Assert.False(ImageReference.TryParse(name, out _, out _));
    }
}
