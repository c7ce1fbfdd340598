using System.Runtime.Versioning;
using Slipway.Containers.Dockerfiles;
using Slipway.Containers.Engine;
using Slipway.Containers.Tests.Support;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>From the paths a Dockerfile reads to the context's files: what is hashed and what is sent.</summary>
[SupportedOSPlatform("linux")]
public sealed class ContextSelectionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private ContextFiles Select(string dockerfile, string? target = null, string ignore = "")
    {
        _folder.Write("Dockerfile", dockerfile);
        var reads = Dockerfile.Parse(dockerfile).ReadsFromContext(target);
        return ContextSelection.Select(_folder.Path, DockerIgnore.Parse(ignore), reads.Reads);
    }

    private void WriteSeed002Shape()
    {
        _folder.Write("requirements.txt", "pyaudio==0.2.14\n");
        _folder.Write("vendor/PyAudio-0.2.14.tar.gz", "sdist");
        _folder.Write("vendor/README.md", "not read");
        _folder.Write("main.py", "print()\n");
        _folder.Write("bailing/__init__.py");
        _folder.Write("bailing/core/engine.py");
        _folder.Write("config/config.yaml");
        _folder.Write("plugins/weather.py");
        _folder.Write("server/app.py");
        _folder.Write("tests/test_main.py");
        _folder.Write(".nuke/temp/build.log");
        _folder.Write("build/_build.csproj", "<Project />");
        _folder.Write("build/bin/Debug/_build.dll");
        _folder.Write("build/obj/project.assets.json");
    }

    [Fact]
    public void Seed_002s_builder_and_app_read_disjoint_files()
    {
        WriteSeed002Shape();

        var builder = Select(RealDockerfiles.Seed002Builder, "builder");
        var app = Select(RealDockerfiles.Seed002App);

        Assert.Equal(["requirements.txt", "vendor/PyAudio-0.2.14.tar.gz"], builder.Files);
        Assert.Equal(["requirements.txt", "vendor", "vendor/PyAudio-0.2.14.tar.gz"], builder.Paths);
        Assert.Equal(
            ["bailing/__init__.py", "bailing/core/engine.py", "config/config.yaml", "main.py", "plugins/weather.py", "server/app.py"],
            app.Files);
        Assert.Empty(builder.Missing);
        Assert.Empty(app.Missing);
    }

    [Fact]
    public void The_whole_context_leaves_out_slipways_state_and_build_outputs_whatever_dockerignore_says()
    {
        WriteSeed002Shape();
        _folder.Write("src/Tool/Tool.csproj", "<Project />");
        _folder.Write("src/Tool/bin/Tool.dll");
        _folder.Write("src/Tool/obj/x.json");
        _folder.Write("src/Tool/Program.cs");
        _folder.Write("scripts/bin/run.sh"); // a bin folder beside no project is the user's

        var files = Select(RealDockerfiles.Seed000, ignore: "!.nuke/temp\n!build/bin\n").Files;

        Assert.DoesNotContain(files, file => file.StartsWith(".nuke/temp/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.StartsWith("build/bin/", StringComparison.Ordinal) || file.StartsWith("build/obj/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.StartsWith("src/Tool/bin/", StringComparison.Ordinal) || file.StartsWith("src/Tool/obj/", StringComparison.Ordinal));
        Assert.Contains("build/_build.csproj", files);
        Assert.Contains("src/Tool/Program.cs", files);
        Assert.Contains("scripts/bin/run.sh", files);
        Assert.Contains("Dockerfile", files);
    }

    [Fact]
    public void A_read_that_matches_nothing_or_only_ignored_files_is_reported_with_its_line()
    {
        _folder.Write("requirements.txt");
        _folder.Write("docs/a.md");

        var files = Select("FROM alpine\nCOPY requirements.txt lock.txt /\nCOPY *.cfg /\nCOPY docs/ /docs/\n", ignore: "requirements.txt\ndocs\n");

        Assert.Equal(
            ["Dockerfile line 2: COPY requirements.txt is excluded by .dockerignore, so the engine cannot read it",
             "Dockerfile line 2: COPY lock.txt is not in the build context",
             "Dockerfile line 3: COPY *.cfg matches no file of the build context",
             "Dockerfile line 4: COPY docs is excluded by .dockerignore, so the engine cannot read it"],
            files.Missing.Select(missing => missing.ToString()));
        Assert.Empty(files.Files);
    }

    [Fact]
    public void Globs_excludes_and_dockerignore_exceptions()
    {
        _folder.Write("a.txt");
        _folder.Write("b.txt");
        _folder.Write("c.md");
        _folder.Write("src/pkg/mod.py");
        _folder.Write("src/pkg/mod_test.py");
        _folder.Write("src/pkg/data.json");
        _folder.Write("notes/keep.txt");
        _folder.Write("notes/drop.txt");

        var files = Select("FROM alpine\nCOPY *.txt src/**/*.py /dst/\nCOPY --exclude=drop.txt notes /notes/\n", ignore: "b.txt\n**/*_test.py\nnotes\n!notes/keep.txt\n").Files;

        Assert.Equal(["a.txt", "notes/keep.txt", "src/pkg/mod.py"], files);
    }

    [Fact]
    public void The_selection_is_what_the_build_context_sends_with_the_dockerfile_and_the_ignore_file()
    {
        WriteSeed002Shape();
        _folder.Write(".dockerignore", "tests\n");
        var app = Select(RealDockerfiles.Seed002App, ignore: "tests\n");

        var context = new BuildContext(_folder.Path, _folder.Path / "Dockerfile", app.Paths);

        Assert.Equal(
            [".dockerignore", "Dockerfile", "bailing/", "bailing/__init__.py", "bailing/core/", "bailing/core/engine.py", "config/",
             "config/config.yaml", "main.py", "plugins/", "plugins/weather.py", "server/", "server/app.py"],
            context.Entries());
    }

    [Fact]
    public void Digests_name_each_file_and_link_and_change_with_content()
    {
        _folder.Write("requirements.txt", "a==1\n");
        Directory.CreateSymbolicLink(_folder.Path / "link", "requirements.txt");
        var before = Select("FROM alpine\nCOPY requirements.txt link /\n").Digests();
        _folder.Write("requirements.txt", "a==2\n");
        var after = Select("FROM alpine\nCOPY requirements.txt link /\n").Digests();

        Assert.Equal(["link", "requirements.txt"], before.Items.Select(item => item.Name));
        Assert.Equal(["requirements.txt"], after.ChangedSince(before));
    }

    [Fact]
    public void The_size_names_the_largest_folders()
    {
        _folder.Write("data/a.bin", new string('x', 3000));
        _folder.Write("src/b.py", new string('x', 1000));
        _folder.Write("c.txt", new string('x', 10));

        var size = ContextSize.Of(Select("FROM alpine\nCOPY data src c.txt /\n"));

        Assert.Equal(4010, size.Bytes);
        Assert.Equal(["data", "src", "."], size.LargestFolders.Select(pair => pair.Key));
    }
}
