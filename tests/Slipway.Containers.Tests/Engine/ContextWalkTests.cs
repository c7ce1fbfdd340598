using System.Diagnostics;
using System.Formats.Tar;
using System.Runtime.Versioning;
using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine;

/// <summary>Walking a context like the engine: links are sent, never followed; special files and undecodable names are
/// one error naming the path, or left out where ignored; ignored folders are not entered. Each ends within seconds.</summary>
[SupportedOSPlatform("linux")]
public sealed class ContextWalkTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public ContextWalkTests() => _folder.Write("Dockerfile", "FROM alpine\nCOPY . /app\n");

    public void Dispose() => _folder.Dispose();

    private static void Run(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private BuildContext Context() => new(_folder.Path, _folder.Path / "Dockerfile");

    private ContextFiles WholeContext(string ignore = "") =>
        ContextSelection.Select(_folder.Path, DockerIgnore.Parse(ignore), Dockerfile.Parse("FROM alpine\nCOPY . /app\n").ReadsFromContext().Reads);

    private static T Within<T>(Func<T> action, int seconds = 5)
    {
        var clock = Stopwatch.StartNew();
        var result = action();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"took {clock.Elapsed}");
        return result;
    }

    [Fact]
    public void A_symlink_loop_is_sent_as_a_link_and_never_followed()
    {
        Directory.CreateDirectory(_folder.Path / "x");
        Directory.CreateSymbolicLink(_folder.Path / "x" / "a", ".");
        _folder.Write("ignored/x/keep.txt");
        Directory.CreateSymbolicLink(_folder.Path / "ignored" / "x" / "a", ".");

        var entries = Within(() => Context().Entries());
        var files = Within(() => WholeContext("ignored\n"));

        Assert.Contains("x/a", entries);
        Assert.DoesNotContain(entries, entry => entry.StartsWith("x/a/", StringComparison.Ordinal));
        Assert.Equal(new ContextEntry("x/a", ContextEntryKind.SymbolicLink, "."), files.Entries.Single(entry => entry.Path == "x/a"));
        Assert.DoesNotContain(files.Files, file => file.StartsWith("ignored", StringComparison.Ordinal));
        var tar = new MemoryStream();
        Within(() => { Context().WriteTo(tar); return 0; });
        tar.Position = 0;
        using var reader = new TarReader(tar);
        var link = Enumerable.Range(0, 100).Select(_ => reader.GetNextEntry()).First(entry => entry?.Name == "x/a")!;
        Assert.Equal((TarEntryType.SymbolicLink, "."), (link.EntryType, link.LinkName));
    }

    [Fact]
    public void A_symlink_to_a_folder_outside_the_context_is_a_link_not_the_folder()
    {
        using var outside = new TempFolder();
        outside.Write("data/huge.bin", "outside");
        Directory.CreateSymbolicLink(_folder.Path / "data", outside.Path / "data");

        var files = Within(() => WholeContext());
        var entries = Within(() => Context().Entries());

        Assert.Equal(new ContextEntry("data", ContextEntryKind.SymbolicLink, outside.Path / "data"), files.Entries.Single(entry => entry.Path == "data"));
        Assert.Equal(["Dockerfile", "data"], entries);
        Assert.Equal(["Dockerfile", "data"], files.Files);
    }

    [Fact]
    public void A_fifo_is_one_error_naming_it_and_left_out_where_ignored()
    {
        Directory.CreateDirectory(_folder.Path / "run");
        Run(_folder.Path / "run", "mkfifo", "pipe");

        var failure = Within(() => Assert.Throws<SlipwayException>(() => Context().Entries()));
        var viaSelection = Within(() => Assert.Throws<SlipwayException>(() => WholeContext()));

        Assert.Equal("build context: 'run/pipe' is a FIFO, which a build context cannot hold; remove it or add it to .dockerignore", failure.Message);
        Assert.Equal(failure.Message, viaSelection.Message);
        _folder.Write(".dockerignore", "run/pipe\n");
        Assert.Equal([".dockerignore", "Dockerfile", "run/"], Within(() => Context().Entries()));
        Assert.Equal([".dockerignore", "Dockerfile"], Within(() => WholeContext("run/pipe\n")).Files);
        var copyOther = Dockerfile.Parse("FROM alpine\nCOPY Dockerfile /\n").ReadsFromContext().Reads;
        Assert.Equal(["Dockerfile"], ContextSelection.Select(_folder.Path, DockerIgnore.Empty, copyOther).Files); // never read, never touched
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_one_error_naming_it_escaped_and_left_out_where_ignored()
    {
        Directory.CreateDirectory(_folder.Path / "data");
        Run(_folder.Path / "data", "sh", "-c", "printf x > \"$(printf 'caf\\351.txt')\"");

        var failure = Within(() => Assert.Throws<SlipwayException>(() => Context().Entries()));

        Assert.Equal("build context: the name of 'data/caf\\xe9.txt' is not valid UTF-8, so it cannot be sent; rename it or add it to .dockerignore",
            failure.Message);
        Assert.Equal(failure.Message, Within(() => Assert.Throws<SlipwayException>(() => WholeContext())).Message);
        Assert.Equal(["Dockerfile"], Within(() => WholeContext("data\n")).Files);
    }

    [Fact]
    public void A_one_gigabyte_ignored_folder_is_never_entered()
    {
        Directory.CreateDirectory(_folder.Path / "models");
        Run(_folder.Path / "models", "truncate", "-s", "1G", "weights.bin");
        for (var i = 0; i < 200; i++)
            _folder.Write($"models/shards/{i:000}.bin", "x");
        _folder.Write(".dockerignore", "models\n");
        _folder.Write("app.py", "print()\n");

        var entries = Within(() => Context().Entries(), seconds: 3);
        var digest = Within(() => Context().Digest(), seconds: 3);
        var files = Within(() => WholeContext("models\n"), seconds: 3);

        Assert.Equal([".dockerignore", "Dockerfile", "app.py"], entries);
        Assert.Equal(64, digest.Length);
        Assert.Equal([".dockerignore", "Dockerfile", "app.py"], files.Files);
        Assert.Equal("1073741824", new FileInfo(_folder.Path / "models" / "weights.bin").Length.ToString());
    }

    [Fact]
    public void A_rewritten_dockerfile_is_sent_in_place_of_the_file_which_stays_untouched()
    {
        var original = File.ReadAllText(_folder.Path / "Dockerfile");
        var context = new BuildContext(_folder.Path, _folder.Path / "Dockerfile", only: [], dockerfileText: "FROM b:deps-1 AS builder\n");

        var tar = new MemoryStream();
        context.WriteTo(tar);
        tar.Position = 0;
        using var reader = new TarReader(tar);
        var entry = reader.GetNextEntry()!;

        Assert.Equal("Dockerfile", entry.Name);
        Assert.Equal("FROM b:deps-1 AS builder\n", new StreamReader(entry.DataStream!).ReadToEnd());
        Assert.Null(reader.GetNextEntry());
        Assert.Equal(original, File.ReadAllText(_folder.Path / "Dockerfile"));
    }
}
