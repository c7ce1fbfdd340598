using Slipway.Containers.Engine;

namespace Slipway.Containers.Tests.Engine;

/// <summary>Docker's .dockerignore meaning, case by case.</summary>
public sealed class DockerIgnoreTests
{
    [Theory]
    [InlineData("*.pyc", "cache.pyc", true)]
    [InlineData("*.pyc", "pkg/cache.pyc", false)]            // * stays within the top folder
    [InlineData("**/*.pyc", "pkg/deep/cache.pyc", true)]
    [InlineData("**/*.pyc", "cache.pyc", true)]
    [InlineData("**/__pycache__", "a/b/__pycache__/x.pyc", true)] // below a matched folder
    [InlineData("/build", "build/out.o", true)]              // a leading slash means the context root
    [InlineData("build", "src/build/out.o", false)]
    [InlineData("docs/*.md", "docs/readme.md", true)]
    [InlineData("docs/*.md", "docs/api/readme.md", false)]
    [InlineData("file?.txt", "file1.txt", true)]
    [InlineData("file?.txt", "file10.txt", false)]
    [InlineData("file?.txt", "file/.txt", false)]
    [InlineData("data/**", "data/a/b.csv", true)]
    [InlineData("data/**", "database.csv", false)]
    [InlineData("a/**/z", "a/z", true)]
    [InlineData("a/**/z", "a/b/c/z", true)]
    [InlineData("[ab].txt", "b.txt", true)]
    [InlineData("[ab].txt", "c.txt", false)]
    [InlineData("./tmp/../.git", ".git/config", true)]        // patterns are cleaned first
    [InlineData("\\*.txt", "*.txt", true)]                    // a backslash escapes
    [InlineData("\\*.txt", "a.txt", false)]
    public void A_single_pattern_matches_as_docker_matches_it(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));

    [Fact]
    public void Comments_and_blank_lines_are_ignored_but_a_hash_after_spaces_is_a_pattern()
    {
        var ignore = DockerIgnore.Parse("# a comment\n\n   \n *.log \n  #literal\r\n");

        Assert.Equal(["*.log", "#literal"], ignore.Patterns);
    }

    [Fact]
    public void An_exception_brings_back_what_an_earlier_line_excluded_and_the_last_match_wins()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README.md\nREADME*.md\n!README.de.md");

        Assert.True(ignore.IsExcluded("CHANGES.md"));
        Assert.True(ignore.IsExcluded("README.md"));
        Assert.False(ignore.IsExcluded("README.de.md"));
        Assert.False(ignore.IsExcluded("setup.py"));
    }

    [Fact]
    public void An_exception_inside_an_excluded_folder_reopens_the_folder_for_walking()
    {
        var ignore = DockerIgnore.Parse("docs\n!docs/keep.md");

        Assert.True(ignore.IsExcluded("docs"));
        Assert.False(ignore.IsExcluded("docs/keep.md"));
        Assert.True(ignore.IsExcluded("docs/other.md"));
        Assert.True(ignore.HasExceptionInside("docs"));
        Assert.False(DockerIgnore.Parse("docs\n!**/keep.md").HasExceptionInside("docs")); // as in docker: by the literal text
    }

    [Fact]
    public void Keeping_a_path_adds_an_exception_only_when_it_would_be_excluded()
    {
        var ignore = DockerIgnore.Parse("*\n");

        Assert.False(ignore.Keeping("Dockerfile").IsExcluded("Dockerfile"));
        Assert.Same(DockerIgnore.Empty, DockerIgnore.Empty.Keeping("Dockerfile"));
    }

    [Fact]
    public void A_lone_exclamation_mark_is_an_error_naming_the_line()
    {
        var failure = Assert.Throws<SlipwayException>(() => DockerIgnore.Parse("*.log\n!\n", "/src/.dockerignore"));

        Assert.Equal("/src/.dockerignore line 2: '!' needs a pattern after it", failure.Message);
    }

    [Fact]
    public void An_unclosed_character_class_is_an_error_naming_the_line()
    {
        var failure = Assert.Throws<SlipwayException>(() => DockerIgnore.Parse("ok\n[abc\n"));

        Assert.StartsWith(".dockerignore line 2: invalid pattern '[abc'", failure.Message);
    }
}
