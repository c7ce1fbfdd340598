using System.Net;
using System.Text;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

public sealed class RegistryErrorTests
{
    [Theory]
    [InlineData("""{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository"}]}]}""", "UNAUTHORIZED authentication required")]
    [InlineData("""{"errors":[{"code":"DENIED","message":"permission_denied: write_package"},{"code":"NAME_UNKNOWN","message":"x"}]}""", "DENIED permission_denied: write_package; NAME_UNKNOWN x")]
    [InlineData("""{"details":"incorrect username or password"}""", "incorrect username or password")]
    [InlineData("too many\nrequests  here", "too many requests here")]
    [InlineData("<html><body>Bad gateway</body></html>", "HTTP 502 Bad Gateway")]
    [InlineData("", "HTTP 502 Bad Gateway")]
    public async Task Reads_the_registry_error_into_one_line(string body, string expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            ReasonPhrase = "Bad Gateway",
            Content = new StringContent(body, Encoding.UTF8),
        };

        var error = await RegistryError.ReadAsync(response, CancellationToken.None);

        Assert.Equal(expected, error.Text);
    }

    [Fact]
    public void Credentials_never_print_their_password()
    {
        var credentials = new RegistryCredentials("octocat", "ghp_secret");

        Assert.Equal("octocat:***", credentials.ToString());
        Assert.DoesNotContain("ghp_secret", $"{credentials}");
    }
}
