namespace Slipway.Tests.Bootstrap;

/// <summary>The source of the small build the process tests compile with the real <c>build.sh</c>: a long target
/// that waits on the cancellation token, an assured clean-up it triggers, a counter that reads, waits and writes
/// (two builds at once would lose a count), and a target that names the process it runs in.</summary>
internal static class FixtureBuild
{
    public const string Project = """
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
            <Reference Include="Slipway" HintPath="../lib/Slipway.dll" />
            <PackageReference Include="Serilog" Version="4.4.0" />
            <PackageReference Include="Serilog.Formatting.Compact" Version="3.0.0" />
            <PackageReference Include="YamlDotNet" Version="18.1.0" />
          </ItemGroup>
        </Project>
        """;

    public const string Source = """
        using Slipway;
        using Slipway.Parameters;
        using Slipway.Targets;

        public sealed class Build : SlipwayBuild
        {
            public static int Main(string[] args) => Execute<Build>(args, build => build.Long);

            [Parameter("Seconds the long target works")]
            readonly int Seconds = 120;

            [Parameter("Seconds the counter waits between reading and writing")]
            readonly int Pause = 3;

            Target Long => _ => _
                .Triggers(Cleanup)
                .Executes(async cancellation =>
                {
                    Mark("long-started");
                    Log.Information("working for {Seconds}s", Seconds);
                    await Task.Delay(TimeSpan.FromSeconds(Seconds), cancellation);
                    Mark("long-finished");
                });

            Target Cleanup => _ => _
                .AssuredAfterFailure()
                .Executes(() => Mark("cleanup-ran"));

            Target Count => _ => _
                .Executes(async () =>
                {
                    var file = TemporaryDirectory / "count";
                    var count = File.Exists(file) ? int.Parse(File.ReadAllText(file)) : 0;
                    Mark("count-started-" + Environment.ProcessId);
                    for (var i = 0; i < 300; i++)
                        Log.Information("counting {Index} {Padding}", i, new string('x', 300));
                    await Task.Delay(TimeSpan.FromSeconds(Pause));
                    File.WriteAllText(file, (count + 1).ToString());
                });

            Target Where => _ => _
                .Executes(() => Log.Information("run by process {Id}", Environment.ProcessId));

            void Mark(string name) => File.WriteAllText(TemporaryDirectory / name, Environment.ProcessId.ToString());
        }
        """;
}
