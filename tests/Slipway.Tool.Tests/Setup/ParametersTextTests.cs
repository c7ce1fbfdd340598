using System.Reflection;
using System.Text.Json;
using Slipway.Containers.Components;
using Slipway.Parameters;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Setup;

public sealed class ParametersTextTests
{
    /// <summary>The build rejects an unknown key in .nuke/parameters.json, so every key setup writes must be a
    /// parameter of the container components.</summary>
    [Fact]
    public void Every_key_setup_writes_is_a_parameter_of_the_components()
    {
        var declared = typeof(IPush).Assembly.GetTypes()
            .Where(type => type.IsInterface && type.Namespace == "Slipway.Containers.Components")
            .SelectMany(type => type.GetProperties())
            .Where(property => property.GetCustomAttribute<ParameterAttribute>() is not null)
            .Select(property => property.Name)
            .ToHashSet();
        using var repository = new TempRepository();
        SeedLayouts.StarDockerfiles(repository);
        SetupRun.Slipway(repository, SetupRun.Version, "setup");

        using var parameters = JsonDocument.Parse(repository.Read(".nuke/parameters.json"));
        var keys = parameters.RootElement.EnumerateObject().Select(property => property.Name).Where(key => key != "$schema").ToArray();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(key, declared));
    }
}
