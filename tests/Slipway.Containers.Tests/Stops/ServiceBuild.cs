using System.Xml.Linq;

namespace Slipway.Containers.Tests.Stops;

/// <summary>The build project of <see cref="ServiceCheckout"/>: the components (IPush and all it brings) and an
/// assured clean-up that BuildBuilderImage and Push trigger, compiled against the Slipway.dll and
/// Slipway.Containers.dll the tests run with and the packages those projects name.</summary>
internal static class ServiceBuild
{
    public const string Source = """
        using Slipway;
        using Slipway.Containers.Components;
        using Slipway.Targets;

        public sealed class Build : SlipwayBuild, IPush
        {
            public static int Main(string[] args) => Execute<Build>(args, build => ((IBuildAppImage)build).BuildAppImage);

            Target Cleanup => _ => _
                .TriggeredBy<IBuildBuilderImage>(x => x.BuildBuilderImage)
                .TriggeredBy<IPush>(x => x.Push)
                .AssuredAfterFailure()
                .Executes(() => File.AppendAllText(TemporaryDirectory / "cleanup-ran", Environment.ProcessId + "\n"));
        }
        """;

    /// <summary>The project file, its package references read from the Slipway projects' own.</summary>
    public static string Project(string repositoryRoot)
    {
        var packages = new[] { "src/Slipway/Slipway.csproj", "src/Slipway.Containers/Slipway.Containers.csproj" }
            .SelectMany(project => XDocument.Load(Path.Combine(repositoryRoot, project)).Descendants("PackageReference"))
            .Where(reference => (string?)reference.Attribute("PrivateAssets") != "all")
            .Select(reference => $"""    <PackageReference Include="{reference.Attribute("Include")!.Value}" Version="{reference.Attribute("Version")!.Value}" />""")
            .Distinct();
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AssemblyName>_build</AssemblyName>
                <InvariantGlobalization>true</InvariantGlobalization>
                <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <Reference Include="Slipway" HintPath="../lib/Slipway.dll" />
                <Reference Include="Slipway.Containers" HintPath="../lib/Slipway.Containers.dll" />
              </ItemGroup>
              <ItemGroup>
            {string.Join("\n", packages)}
              </ItemGroup>
            </Project>
            """;
    }
}
