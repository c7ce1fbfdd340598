using Slipway.Paths;
using Slipway.Targets;

namespace Slipway.Tests.Support;

/// <summary>A build with one parameter of each supported kind, a component interface, and a small target graph.</summary>
public sealed class SampleBuild : SlipwayBuild, IPublishComponent
{
    [Parameter("Flavour to build")]
    public readonly Flavour Flavour = Flavour.Debug;

    [Parameter("Platforms to build for")]
    public string[] Platforms { get; } = ["linux/amd64"];

    [Parameter("How often to retry a push")]
    public readonly int Retries = 2;

    [Parameter("Where build outputs go")]
    public AbsolutePath? Artifacts;

    [Parameter("Token for the registry"), Secret]
    public readonly string? RegistryToken;

    [Parameter("Also run the slow tests")]
    public readonly bool Slow;

    [Parameter("Seconds before a step times out")]
    public readonly int? Timeout;

    public List<string> Ran { get; } = [];

    Target Restore => _ => _
        .Description("Restores packages")
        .Executes(() => Ran.Add(nameof(Restore)));

    Target Compile => _ => _
        .Description("Compiles the service")
        .DependsOn(Restore)
        .Executes(() => Ran.Add(nameof(Compile)));

    public Target Test => _ => _
        .Description("Runs the tests")
        .DependsOn(Compile)
        .Executes(() => Ran.Add(nameof(Test)));

    Target Lint => _ => _
        .Description("Checks the style")
        .OnlyWhenStatic(() => Slow)
        .TriggeredBy(Compile)
        .Executes(() => Ran.Add(nameof(Lint)));

    Target Publish => _ => _
        .Description("Builds, tests and pushes")
        .DependsOn(Test)
        .DependsOn<IPublishComponent>(component => component.Push);

    Target Cleanup => _ => _
        .Unlisted()
        .Executes(() => Ran.Add(nameof(Cleanup)));
}

public interface IPublishComponent : ISlipwayBuild
{
    [Parameter("The registry images are pushed to")]
    string Registry => ParameterValue(nameof(Registry), "ghcr.io/acme");

    [Parameter("Tags to push")]
    string[] Tags => ParameterValue<string[]>(nameof(Tags), []);

    Target Package => _ => _
        .Description("Builds the images")
        .Executes(() => Log.Information("packaging for {Registry}", Registry));

    Target Push => _ => _
        .Description("Pushes the images")
        .DependsOn(Package)
        .Executes(() => Log.Information("pushing {Tags} to {Registry}", Tags, Registry));
}

public enum Flavour
{
    Debug,
    Release,
}
