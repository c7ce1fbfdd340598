using Slipway.Parameters;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Parameters;

public sealed class BuildSchemaTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void The_committed_schema_is_what_this_repositorys_build_generates()
    {
        var repository = RepositoryRoot();
        var build = new global::Build();
        var generated = BuildSchema.Generate(
            ParameterDeclarations.Collect(typeof(global::Build), []),
            TargetSet.Collect(build).All.Select(target => target.Name));

        var committed = File.ReadAllText(Path.Combine(repository, ".nuke", "build.schema.json")).ReplaceLineEndings("\n");
        Assert.True(generated == committed,
            "The committed .nuke/build.schema.json is stale: run ./build.sh --help (it rewrites the file) and commit it.");
    }

    [Fact]
    public void The_schema_lists_parameters_with_types_allowed_values_and_the_target_names()
    {
        var declarations = ParameterDeclarations.Collect(typeof(SampleBuild), []);

        var schema = BuildSchema.Generate(declarations, ["Restore", "Compile", "Test"]);

        Snapshot.Match(schema, "sample.schema.json");
    }

    [Fact]
    public void Built_in_options_are_described_in_the_schema_as_in_help()
    {
        var schema = System.Text.Json.JsonDocument.Parse(BuildSchema.Generate([], ["Test"])).RootElement.GetProperty("properties");

        var fileOptions = Slipway.Cli.BuiltInOptions.All.Where(option => option.FileKey is not null).ToArray();
        Assert.NotEmpty(fileOptions);
        Assert.All(fileOptions, option =>
            Assert.Equal(option.Description, schema.GetProperty(option.FileKey!).GetProperty("description").GetString()));
    }

    [Fact]
    public async Task The_engine_writes_the_schema_only_when_its_content_changed()
    {
        await BuildRun.RunAsync<SampleBuild>(_root, ["--help"], b => b.Test);
        var file = _root.Path / ".nuke" / "build.schema.json";
        var written = File.GetLastWriteTimeUtc(file);
        File.SetLastWriteTimeUtc(file, written.AddMinutes(-5));

        await BuildRun.RunAsync<SampleBuild>(_root, ["--help"], b => b.Test);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(file));

        File.WriteAllText(file, "{}");
        await BuildRun.RunAsync<SampleBuild>(_root, ["--help"], b => b.Test);
        Assert.Contains("\"Platforms\"", File.ReadAllText(file));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Slipway.slnx")))
                return directory.FullName;
        }
        throw new InvalidOperationException("the repository root (holding Slipway.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
