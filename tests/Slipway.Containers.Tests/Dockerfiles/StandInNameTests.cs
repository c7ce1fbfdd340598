using System.Text.RegularExpressions;
using Slipway.Containers.Platforms;
using Slipway.Containers.Provisioning;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>Which official names the stand-ins stand in for, and for which platform a stage's base is needed.</summary>
public sealed class StandInNameTests
{
    [Fact]
    public void The_provisioning_script_tags_exactly_the_names_Slipway_maps_to_stand_ins()
    {
        var script = File.ReadAllText(Path.Combine(RealDockerfiles.RepositoryRoot(), "provision", "base-images.sh"));
        var names = Regex.Match(script, @"OFFICIAL_NAMES=\(([^)]*)\)").Groups[1].Value
            .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split('=')).ToDictionary(pair => pair[1], pair => pair[0]);

        Assert.Equal(StandInBaseImages.OfficialNames.OrderBy(pair => pair.Key), names.OrderBy(pair => pair.Key));
    }

    [Theory]
    [InlineData("python:3.12-slim", "runtime")]
    [InlineData("docker.io/library/python:3.11-bookworm", "builder")]
    [InlineData("python:3.99-slim", null)]
    [InlineData("ghcr.io/acme/python:3.11", null)]
    public void Only_the_names_they_stand_in_for_have_a_stand_in(string reference, string? role) =>
        Assert.Equal(role, StandInBaseImages.RoleOf(reference));

    [Theory]
    [InlineData(null, "linux/arm64")]
    [InlineData("$BUILDPLATFORM", "linux/amd64")]
    [InlineData("${TARGETPLATFORM}", "linux/arm64")]
    [InlineData("linux/amd64", "linux/amd64")]
    public void A_stage_platform_flag_decides_which_platform_its_base_is_needed_for(string? flag, string expected)
    {
        var request = new BaseImageRequest("python:3.11", "Dockerfile line 1", "builder", flag);

        Assert.Equal(Platform.Parse(expected), request.PlatformFor(Platform.Parse("linux/arm64"), Platform.Parse("linux/amd64")));
    }
}
