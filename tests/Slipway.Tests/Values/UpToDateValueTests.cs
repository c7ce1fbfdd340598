using Slipway.Execution;
using Slipway.Targets;
using Slipway.Tests.Support;

namespace Slipway.Tests.Values;

/// <summary>A target that produces a value and can be up to date hands on the output it found, so its consumers run
/// the same either way; one that could be up to date without a value is refused when the targets are collected.</summary>
public sealed class UpToDateValueTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    public sealed record Artifact(string Path, bool Fresh);

    public sealed class CachedBuild : SlipwayBuild
    {
        public List<string> Seen { get; } = [];

        public Target Make => _ => _
            .Inputs(inputs => inputs.Files("source.txt"))
            .UpToDateWhen<Artifact>((_, _) => Task.FromResult(File.Exists(RootDirectory / "out.txt") ? new Artifact("out.txt", false) : null))
            .Produces<Artifact>(() =>
            {
                File.WriteAllText(RootDirectory / "out.txt", "made");
                return new Artifact("out.txt", true);
            });

        public Target Use => _ => _
            .DependsOn(Make)
            .Consumes<Artifact>()
            .Executes(() => Seen.Add($"{Value<Artifact>().Path} fresh={Value<Artifact>().Fresh}"));
    }

    public sealed class ForgetfulBuild : SlipwayBuild
    {
        public Target Make => _ => _
            .Inputs(inputs => inputs.Files("source.txt"))
            .Produces<Artifact>(() => new Artifact("out.txt", true));
    }

    [Fact]
    public async Task An_up_to_date_producer_hands_on_its_existing_output()
    {
        _root.Write("source.txt", "v1");
        var first = new CachedBuild();
        await BuildRun.RunAsync<CachedBuild>(_root, ["--no-logo"], b => b.Use, build: first);
        var second = new CachedBuild();
        var run = await BuildRun.RunAsync<CachedBuild>(_root, ["--no-logo"], b => b.Use, build: second);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["out.txt fresh=True"], first.Seen);
        Assert.Equal(["out.txt fresh=False"], second.Seen);
        Assert.Equal(TargetStatus.UpToDate, run.Result["Make"]!.Status);
    }

    [Fact]
    public async Task A_producer_that_could_be_up_to_date_without_its_value_is_refused()
    {
        var run = await BuildRun.RunAsync<ForgetfulBuild>(_root, ["--no-logo"], b => b.Make);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: target Make produces Artifact and declares inputs", Assert.Single(run.Lines));
    }
}
