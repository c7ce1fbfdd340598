using System.Formats.Tar;
using System.Runtime.Versioning;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Engine;

[SupportedOSPlatform("linux")]
public sealed class BuildContextTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<TarEntry> ReadBack(BuildContext context, DateTimeOffset? time = null)
    {
        var tar = new MemoryStream();
        context.WriteTo(tar, time);
        tar.Position = 0;
        var entries = new List<TarEntry>();
        using var reader = new TarReader(tar);
        while (reader.GetNextEntry(copyData: true) is { } entry)
            entries.Add(entry);
        return entries;
    }

    [Fact]
    public void The_context_honours_dockerignore_and_always_sends_the_dockerfile_and_the_ignore_file()
    {
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write(".dockerignore", "Dockerfile\n.dockerignore\n**/*.pyc\n.git\nnotes/\n!notes/keep.md\n");
        _folder.Write("app/main.py", "print('hi')\n");
        _folder.Write("app/__pycache__/main.cpython-311.pyc");
        _folder.Write(".git/config");
        _folder.Write("notes/draft.md");
        _folder.Write("notes/keep.md");

        var context = new BuildContext(_folder.Path, _folder.Path / "Dockerfile");

        Assert.Equal(
            [".dockerignore", "Dockerfile", "app/", "app/__pycache__/", "app/main.py", "notes/keep.md"],
            context.Entries());
        Assert.Equal("Dockerfile", context.DockerfileName);
    }

    [Fact]
    public void The_tar_is_ustar_sorted_owned_by_root_and_lists_what_Entries_says()
    {
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write("b.txt", "b");
        _folder.Write("a/z.txt", "z");
        _folder.Write("a.txt", "a");
        var context = new BuildContext(_folder.Path, _folder.Path / "Dockerfile");

        var entries = ReadBack(context);

        Assert.All(entries, entry => Assert.Equal(TarEntryFormat.Ustar, entry.Format));
        Assert.All(entries, entry => Assert.Equal((0, 0), (entry.Uid, entry.Gid)));
        Assert.Equal(["Dockerfile", "a/", "a/z.txt", "a.txt", "b.txt"], entries.Select(entry => entry.Name));
        Assert.Equal(context.Entries(), entries.Select(entry => entry.Name));
    }

    [Fact]
    public void Executable_bits_are_kept()
    {
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write("entrypoint.sh", "#!/bin/sh\n", (UnixFileMode)0b111_101_101);
        _folder.Write("data.txt", "x", (UnixFileMode)0b110_100_000);

        var entries = ReadBack(new BuildContext(_folder.Path, _folder.Path / "Dockerfile"));

        Assert.Equal((UnixFileMode)0b111_101_101, entries.Single(entry => entry.Name == "entrypoint.sh").Mode);
        Assert.Equal((UnixFileMode)0b110_100_000, entries.Single(entry => entry.Name == "data.txt").Mode);
    }

    [Fact]
    public void With_a_fixed_time_the_same_folder_gives_the_same_bytes()
    {
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write("src/app.py", "x = 1\n");
        var context = new BuildContext(_folder.Path, _folder.Path / "Dockerfile");
        var time = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var first = new MemoryStream();
        context.WriteTo(first, time);
        File.SetLastWriteTimeUtc(_folder.Path / "src/app.py", DateTime.UtcNow.AddDays(-3));
        var second = new MemoryStream();
        context.WriteTo(second, time);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.All(ReadBack(context, time), entry => Assert.Equal(time, entry.ModificationTime));
    }

    [Fact]
    public void Symbolic_links_are_sent_as_links()
    {
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write("real.txt", "x");
        File.CreateSymbolicLink(_folder.Path / "link.txt", "real.txt");

        var link = ReadBack(new BuildContext(_folder.Path, _folder.Path / "Dockerfile")).Single(entry => entry.Name == "link.txt");

        Assert.Equal(TarEntryType.SymbolicLink, link.EntryType);
        Assert.Equal("real.txt", link.LinkName);
    }

    [Fact]
    public void A_path_longer_than_100_characters_goes_into_the_ustar_prefix()
    {
        var longPath = string.Join('/', Enumerable.Repeat("folder-with-a-long-name", 6)) + "/file.txt";
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write(longPath, "deep");

        var entry = ReadBack(new BuildContext(_folder.Path, _folder.Path / "Dockerfile")).Single(entry => entry.Name == longPath);

        Assert.True(longPath.Length > 100);
        Assert.Equal(TarEntryFormat.Ustar, entry.Format);
    }

    [Fact]
    public void A_name_that_ustar_cannot_hold_fails_with_one_clear_line()
    {
        var tooLong = new string('n', 120) + ".txt";
        _folder.Write("Dockerfile", "FROM scratch\n");
        _folder.Write(tooLong, "x");
        var context = new BuildContext(_folder.Path, _folder.Path / "Dockerfile");

        var failure = Assert.Throws<SlipwayException>(() => context.WriteTo(Stream.Null));

        Assert.StartsWith($"cannot put '{tooLong}' into the build context: a USTAR tar holds paths up to 255 characters", failure.Message);
    }

    [Fact]
    public void A_dockerfile_specific_ignore_file_replaces_the_contexts_one()
    {
        _folder.Write("docker/app.Dockerfile", "FROM scratch\n");
        _folder.Write("docker/app.Dockerfile.dockerignore", "tests/\n");
        _folder.Write(".dockerignore", "src/\n");
        _folder.Write("src/app.py");
        _folder.Write("tests/test_app.py");

        var context = new BuildContext(_folder.Path, _folder.Path / "docker" / "app.Dockerfile");

        Assert.Equal(_folder.Path / "docker" / "app.Dockerfile.dockerignore", context.IgnoreFile);
        Assert.Contains("src/app.py", context.Entries());
        Assert.DoesNotContain("tests/test_app.py", context.Entries());
        Assert.Equal("docker/app.Dockerfile", context.DockerfileName);
    }

    [Fact]
    public void A_dockerfile_outside_the_context_travels_inside_it_under_a_content_name()
    {
        using var elsewhere = new TempFolder();
        var dockerfile = elsewhere.Write("app.Dockerfile", "FROM scratch\n");
        _folder.Write("src/app.py");

        var context = new BuildContext(_folder.Path, dockerfile);
        var entries = ReadBack(context);

        Assert.Matches("^\\.dockerfile\\.[0-9a-f]{12}$", context.DockerfileName);
        var sent = entries.Single(entry => entry.Name == context.DockerfileName);
        Assert.Equal("FROM scratch\n", new StreamReader(sent.DataStream!).ReadToEnd());
    }

    [Fact]
    public void A_missing_context_or_dockerfile_is_one_clear_line()
    {
        Assert.Equal($"build context {_folder.Path / "nope"} is not a folder",
            Assert.Throws<SlipwayException>(() => new BuildContext(_folder.Path / "nope", _folder.Path / "Dockerfile")).Message);
        Assert.Equal($"Dockerfile {_folder.Path / "Dockerfile"} does not exist",
            Assert.Throws<SlipwayException>(() => new BuildContext(_folder.Path, _folder.Path / "Dockerfile")).Message);
    }
}
