using Slipway.Tool.Detection;

namespace Slipway.Tool.Tests.Detection;

public sealed class ImageNameGuessTests
{
    [Theory]
    [InlineData("https://github.com/Acme/Bailing.git", "ghcr.io/acme/bailing")]
    [InlineData("https://github.com/acme/voice", "ghcr.io/acme/voice")]
    [InlineData("https://token@github.com/acme/voice.git/", "ghcr.io/acme/voice")]
    [InlineData("git@github.com:Acme-Corp/My_Service.git", "ghcr.io/acme-corp/my_service")]
    [InlineData("ssh://git@github.com/acme/voice.git", "ghcr.io/acme/voice")]
    public void A_github_remote_gives_the_ghcr_io_repository_in_lower_case(string remote, string expected) =>
        Assert.Equal(expected, ImageNameGuess.From(remote, "ignored"));

    [Theory]
    [InlineData(null, "Voice Service", "voice-service")]
    [InlineData("https://gitlab.com/acme/voice.git", "voice", "voice")]
    [InlineData(null, "--", "app")]
    [InlineData(null, "My..Service__2", "my.service_2")]
    public void Otherwise_the_folder_name_made_a_valid_image_name(string? remote, string folder, string expected) =>
        Assert.Equal(expected, ImageNameGuess.From(remote, folder));
}
