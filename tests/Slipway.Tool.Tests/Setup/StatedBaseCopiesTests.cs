using System.Text.Json.Nodes;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Setup;

public sealed class StatedBaseCopiesTests
{
    /// <summary>An earlier setup copied the Dockerfile's bases into .nuke/parameters.json; a rerun removes the copy that
    /// still equals the Dockerfile and keeps a value the user chose.</summary>
    [Fact]
    public void Setup_again_removes_the_base_images_an_earlier_version_copied_and_keeps_a_chosen_one()
    {
        using var repository = new TempRepository("backend");
        SeedLayouts.Seed001(repository);
        SetupRun.Slipway(repository, SetupRun.Version, "setup");
        var earlier = JsonNode.Parse(repository.Read(".nuke/parameters.json"))!.AsObject();
        earlier["BuilderBaseImage"] = "python:3.12-bookworm";
        earlier["RuntimeBaseImage"] = "python:3.12-slim";
        repository.Write(".nuke/parameters.json", earlier.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");

        var again = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("updated .nuke/parameters.json (removed BuilderBaseImage python:3.12-bookworm: copies an earlier setup wrote of what the Dockerfile states)", again.Output);
        var now = JsonNode.Parse(repository.Read(".nuke/parameters.json"))!.AsObject();
        Assert.False(now.ContainsKey("BuilderBaseImage"));
        Assert.Equal("python:3.12-slim", (string?)now["RuntimeBaseImage"]);
        Assert.Equal((string?)earlier["ImageName"], (string?)now["ImageName"]);
        Assert.Contains("kept    .nuke/parameters.json (yours to edit)", SetupRun.Slipway(repository, SetupRun.Version, "setup").Output);
    }
}
