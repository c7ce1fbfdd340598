using Slipway.Containers.Dockerfiles;

namespace Slipway.Containers.Tests.Dockerfiles;

/// <summary>The parts of the Dockerfile grammar that decide what a build reads.</summary>
public sealed class DockerfileEdgeCaseTests
{
    private static string Reads(string text, string? target = null, Dictionary<string, string>? buildArgs = null) =>
        string.Join(" ", Dockerfile.Parse(text).ReadsFromContext(target, buildArgs).Sources);

    [Fact]
    public void The_escape_directive_makes_the_backtick_continue_lines_and_backslashes_plain()
    {
        var dockerfile = Dockerfile.Parse("# escape=`\n# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/windows/servercore\nCOPY a.txt `\n    dir\\b.txt C:\\dst\\\n");

        Assert.Equal('`', dockerfile.Escape);
        Assert.Equal("docker/dockerfile:1", dockerfile.Syntax);
        Assert.Equal("a.txt dir/b.txt", string.Join(" ", dockerfile.ReadsFromContext().Sources));
    }

    [Fact]
    public void Directives_count_only_at_the_top()
    {
        var dockerfile = Dockerfile.Parse("FROM alpine\n# escape=`\nCOPY a \\\n  b /dst/\n");

        Assert.Equal('\\', dockerfile.Escape);
        Assert.Equal("a b", string.Join(" ", dockerfile.ReadsFromContext().Sources));
    }

    [Fact]
    public void A_continuation_inside_the_json_form_is_joined_and_comment_lines_between_are_dropped()
    {
        Assert.Equal("a.txt b c d.txt", Reads("FROM alpine\nCOPY [\"a.txt\", \\\n# a comment\n\n   \"b\", \"c\", \\\n  \"d.txt\", \"/dst/\"]\n"));
    }

    [Fact]
    public void Heredoc_bodies_are_not_instructions()
    {
        var dockerfile = Dockerfile.Parse("""
            FROM alpine
            RUN <<EOF
            COPY secret.txt /x
            FROM evil AS other
            EOF
            RUN <<-'SCRIPT' cat > /x.sh
            	COPY tabbed.txt /y
            	SCRIPT
            COPY <<EOF real.txt /dst/
            ADD notread.txt /z
            EOF
            """);

        Assert.Single(dockerfile.Stages);
        Assert.Equal(["RUN", "RUN", "COPY"], dockerfile.Stages[0].Instructions.Select(instruction => instruction.Keyword));
        Assert.Equal("COPY secret.txt /x\nFROM evil AS other\n", dockerfile.Stages[0].Instructions[0].Heredocs[0].Body);
        var script = dockerfile.Stages[0].Instructions[1].Heredocs[0];
        Assert.Equal(("SCRIPT", "COPY tabbed.txt /y\n", true, true), (script.Name, script.Body, script.StripsTabs, script.Quoted));
        Assert.Equal(9, dockerfile.Stages[0].Instructions[2].Line);
        Assert.Equal("real.txt", string.Join(" ", dockerfile.ReadsFromContext().Sources));
    }

    [Fact]
    public void A_marker_inside_quotes_or_mid_word_is_no_heredoc()
    {
        var dockerfile = Dockerfile.Parse("FROM alpine\nRUN echo \"cat <<EOF\" && echo x<<EOF\nCOPY a.txt /\n");

        Assert.Equal(["RUN", "COPY"], dockerfile.Stages[0].Instructions.Select(instruction => instruction.Keyword));
        Assert.Empty(dockerfile.Stages[0].Instructions[0].Heredocs);
    }

    [Fact]
    public void A_copy_heredoc_reads_nothing_from_the_context()
    {
        Assert.Equal("", Reads("FROM alpine\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\nCOPY <<one <<two /dst/\n1\none\n2\ntwo\n"));
    }

    [Fact]
    public void An_unclosed_heredoc_is_one_error_naming_the_line()
    {
        var failure = Assert.Throws<SlipwayException>(() => Dockerfile.Parse("FROM alpine\nRUN <<EOF\necho hi\n", "Dockerfile"));
        Assert.Equal("Dockerfile line 2: heredoc <<EOF is never closed (no line 'EOF')", failure.Message);
    }

    [Fact]
    public void Unknown_stage_names_in_from_are_images_and_an_unknown_target_is_one_error()
    {
        var text = "FROM alpine AS base\nCOPY --from=nowhere /x /y\nRUN --mount=type=bind,from=elsewhere,target=/m true\nCOPY app.py /\n";
        var dockerfile = Dockerfile.Parse(text, "Dockerfile");

        Assert.Equal("app.py", string.Join(" ", dockerfile.ReadsFromContext().Sources));
        Assert.Equal(["base"], dockerfile.ReadsFromContext().Stages.Select(stage => stage.Label));
        Assert.Equal("Dockerfile has no stage 'builder' (its stages: base)",
            Assert.Throws<SlipwayException>(() => dockerfile.ReadsFromContext("builder")).Message);
    }

    [Fact]
    public void A_global_arg_is_seen_by_from_lines_only_unless_the_stage_declares_it_again()
    {
        const string text = "ARG SRC=app\nARG BASE=alpine\nFROM ${BASE}\nCOPY ${SRC}/main.py /\n";
        Assert.Equal("main.py", Reads(text)); // SRC is empty inside the stage
        Assert.Equal("app/main.py", Reads(text.Replace("FROM ${BASE}\n", "FROM ${BASE}\nARG SRC\n")));
        Assert.Equal("src/main.py", Reads(text.Replace("FROM ${BASE}\n", "FROM ${BASE}\nARG SRC\n"), buildArgs: new() { ["SRC"] = "src" }));
        Assert.Equal("lib/main.py", Reads(text.Replace("FROM ${BASE}\n", "FROM ${BASE}\nARG SRC=lib\n")));
    }

    [Fact]
    public void Env_and_arg_substitution_follow_the_shell_forms()
    {
        const string text = """
            FROM alpine AS base
            ENV DIR=src OTHER="two words"
            FROM base
            ARG FLAVOUR
            ARG EXTRA=extra
            COPY $DIR/a ${DIR}/b ${MISSING:-fallback}/c ${DIR:+set}/d ${MISSING:+set}e ${FLAVOUR:-plain}.txt '$DIR' /dst/
            COPY ["${EXTRA}/x", "/dst/"]
            """;
        Assert.Equal("src/a src/b fallback/c set/d e plain.txt $DIR extra/x", Reads(text));
        Assert.Equal("src/a src/b fallback/c set/d e gpu.txt $DIR extra/x", Reads(text, buildArgs: new() { ["FLAVOUR"] = "gpu" }));
    }

    [Fact]
    public void The_platform_arguments_buildkit_defines_reach_declared_args_and_from_lines()
    {
        var arguments = PlatformArguments.For(Slipway.Containers.Platforms.Platform.Parse("linux/arm64"));
        const string text = "FROM --platform=$BUILDPLATFORM alpine AS wheels\nFROM alpine\nARG TARGETARCH\nCOPY wheels/${TARGETARCH}/ /wheels/\n";

        Assert.Equal("wheels/arm64", Reads(text, buildArgs: new(arguments)));
        Assert.Equal("wheels", Reads(text)); // undefined, as with the classic builder
    }

    [Fact]
    public void Copy_flags_globs_and_several_sources()
    {
        const string text = "FROM alpine\nCOPY --link --chown=app:app --chmod=0644 --parents --exclude=*.md --exclude=tests/ *.txt config/ ./src/**/*.py /dst/\nADD https://example.com/x.tgz git@github.com:a/b.git local.tgz /opt/\n";
        var reads = Dockerfile.Parse(text).ReadsFromContext().Reads;

        Assert.Equal("*.txt config src/**/*.py local.tgz", string.Join(" ", reads.Select(read => read.Source)));
        Assert.Equal(["*.md", "tests/"], reads[0].Excludes);
    }

    [Fact]
    public void Run_mounts_read_their_bind_sources_and_follow_their_stages()
    {
        const string text = """
            FROM alpine AS tools
            COPY tool.sh /
            FROM alpine AS unused
            COPY unused.txt /
            FROM alpine
            RUN --mount=type=bind,source=requirements.txt,target=/r.txt \
                --mount=type=bind,target=/ctx \
                --mount=source=src,target=/src \
                --mount=type=cache,target=/root/.cache \
                --mount=type=secret,id=token \
                --mount=type=bind,from=tools,source=/tool.sh,target=/t \
                true
            """;
        var reads = Dockerfile.Parse(text).ReadsFromContext();

        Assert.Equal("requirements.txt . src tool.sh", string.Join(" ", reads.Sources));
        Assert.Equal(["stage 2", "tools"], reads.Stages.Select(stage => stage.Label));
    }

    [Fact]
    public void Sources_are_cleaned_to_context_relative_paths()
    {
        Assert.Equal("a . b c/d", Reads("FROM alpine\nCOPY /a ./ ../b ./c//d/ / /dst/\n"));
    }

    [Fact]
    public void Stages_keep_names_bases_platforms_and_lines()
    {
        var dockerfile = Dockerfile.Parse("ARG BASE=alpine\n\nFROM --platform=$BUILDPLATFORM ${BASE} AS Build\nRUN true\n\n# next\nfrom build\n");

        Assert.Equal(("build", "${BASE}", "$BUILDPLATFORM", 3, 6), (dockerfile.Stages[0].Name, dockerfile.Stages[0].Base, dockerfile.Stages[0].Platform, dockerfile.Stages[0].Line, dockerfile.Stages[0].LastLine));
        Assert.Equal((null, "build", 7), (dockerfile.Stages[1].Name, dockerfile.Stages[1].Base, dockerfile.Stages[1].Line));
        Assert.Equal([new DockerfileArg("BASE", "alpine", 1)], dockerfile.GlobalArgs);
        Assert.Same(dockerfile.Stages[0], dockerfile.Stage("BUILD"));
        Assert.Same(dockerfile.Stages[1], dockerfile.Stage("1"));
    }

    [Theory]
    [InlineData("RUN true\nFROM alpine\n", "Dockerfile line 1: RUN before the first FROM (only ARG may come first)")]
    [InlineData("ARG A\n", "Dockerfile: no FROM line, so no stage to build")]
    [InlineData("FROM a AS x\nFROM b AS x\n", "Dockerfile line 2: stage name 'x' is used twice")]
    [InlineData("# escape=x\nFROM a\n", "Dockerfile line 1: the escape directive takes \\ or `, not 'x'")]
    public void Malformed_dockerfiles_are_one_error_naming_the_line(string text, string message) =>
        Assert.Equal(message, Assert.Throws<SlipwayException>(() => Dockerfile.Parse(text)).Message);
}
