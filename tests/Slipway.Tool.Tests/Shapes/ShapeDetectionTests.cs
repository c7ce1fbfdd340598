using System.Text.Json;
using Slipway.Tool.Detection;
using Slipway.Tool.Setup;
using Slipway.Tool.Tests.Setup;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Shapes;

/// <summary>Setup with no options and no terminal on each shape of the table (no engine): the layout found by
/// structure, and a .nuke/parameters.json that holds only what the Dockerfiles and the Compose file cannot say.</summary>
public sealed class ShapeDetectionTests
{
    [Theory]
    [MemberData(nameof(DockerfileShapes.Rows), MemberType = typeof(DockerfileShapes))]
    public void Setup_finds_the_builder_and_the_app_by_structure_and_copies_no_base_image(string name)
    {
        var shape = DockerfileShapes.Named(name);
        using var repository = new TempRepository(name, remote: $"https://github.com/acme/{name}.git");
        shape.Write(repository);

        var outcome = SetupRun.Slipway(repository, SetupRun.Version, "setup");

        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var layout = new LayoutDetector(new ParsedDockerfileReader(), new NoTerminalPrompt()).Detect(repository.Root, null, new LayoutChoices());
        Assert.Equal((shape.Kind, shape.BuilderDockerfile, shape.AppDockerfile), (layout.Kind, layout.BuilderDockerfile, layout.AppDockerfile));
        using var parameters = JsonDocument.Parse(repository.Read(".nuke/parameters.json"));
        var keys = parameters.RootElement.EnumerateObject().Select(property => property.Name).ToArray();
        Assert.Equal(shape.BuildContext, parameters.RootElement.GetProperty("BuildContext").GetString());
        Assert.DoesNotContain("BuilderBaseImage", keys);
        Assert.DoesNotContain("RuntimeBaseImage", keys);
        Assert.DoesNotContain("BuilderTarget", keys);
        Assert.Equal(shape.Platform is null ? null : [shape.Platform],
            keys.Contains("Platforms") ? parameters.RootElement.GetProperty("Platforms").EnumerateArray().Select(item => item.GetString()!).ToArray() : null);
        Assert.True(repository.Exists(".nuke/build.schema.json"));
    }

    [Fact]
    public void A_stage_with_its_own_steps_is_built_here_whatever_its_argument_is_called()
    {
        var summary = new ParsedDockerfileReader().Read("Dockerfile", """
            ARG BUILDER_BASE=python:3.12-bookworm
            ARG BUILDER_IMAGE=python:3.12-slim
            FROM ${BUILDER_BASE} AS builder
            RUN python -m venv /opt/venv

            FROM ${BUILDER_IMAGE}
            COPY --from=builder /opt/venv /opt/venv
            """);

        Assert.False(summary.TakesBuilderImage);
        Assert.Equal("builder", summary.BuiltBuilderStage?.Name);
        Assert.Equal("python:3.12-bookworm", summary.ResolvedBase(summary.BuiltBuilderStage!));
    }

    [Fact]
    public void A_stage_without_steps_that_a_later_stage_copies_from_is_the_builder_image_whatever_its_argument_is_called()
    {
        var summary = new ParsedDockerfileReader().Read("Dockerfile", """
            ARG DEPS=ghcr.io/acme/deps:latest
            FROM ${DEPS} AS deps
            FROM python:3.12-slim
            COPY --from=deps /opt/venv /opt/venv
            """);

        Assert.Equal("deps", summary.TakenBuilderStage?.Name);
        Assert.Null(summary.BuiltBuilderStage);
    }

    [Fact]
    public void The_build_class_and_the_schema_setup_writes_have_the_same_components()
    {
        using var repository = new TempRepository("voice");
        SeedLayouts.StarDockerfiles(repository);
        foreach (var (testStage, hasComposeFile) in new[] { ((string?)null, false), ("test", false), (null, true), ("test", true) })
        {
            var layout = new LayoutDetector(new ParsedDockerfileReader(), new NoTerminalPrompt()).Detect(repository.Root, null, new LayoutChoices()) with { TestStage = testStage };
            var schemaComponents = BuildSchemaText.BuildOf(layout, hasComposeFile).GetType().GetInterfaces()
                .Where(type => type.Namespace == "Slipway.Containers.Components" && !type.Name.StartsWith("IHaz", StringComparison.Ordinal))
                .Select(type => type.Name);
            Assert.Subset(schemaComponents.ToHashSet(), BuildClassText.Components(layout, hasComposeFile).ToHashSet());
            Assert.All(BuildClassText.Components(layout, hasComposeFile), component => Assert.Contains(component, schemaComponents));
        }
    }
}
