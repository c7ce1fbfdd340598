namespace Slipway.Tool.Tests.Shapes;

/// <summary>Every row of the table, for theories.</summary>
internal static class DockerfileShapes
{
    public static IReadOnlyList<DockerfileShape> All { get; } =
    [
        SeedShapes.Seed000(), SeedShapes.Seed001(), SeedShapes.Seed002(), SeedShapes.Seed000Compose(),
        StructureShapes.BuilderAndRunnerBaseArgs(), StructureShapes.PythonVersionArg(), StructureShapes.SharedBaseStage(),
        StructureShapes.BuildPlatformStage(), StructureShapes.UvBuilderPattern(), StructureShapes.CopyEverythingIntoRuntime(),
    ];

    public static IEnumerable<object[]> Rows() => All.Select(shape => new object[] { shape.Name });

    public static DockerfileShape Named(string name) => All.Single(shape => shape.Name == name);
}
