namespace Slipway.Containers.Dockerfiles;

/// <summary>One instruction after continuation lines are joined and comments dropped: its keyword (upper case), the
/// text after it, the lines it spans in the file (1-based, heredoc bodies included) and its heredocs.</summary>
public sealed record DockerfileInstruction(
    string Keyword,
    string Arguments,
    int Line,
    int LastLine,
    IReadOnlyList<Heredoc> Heredocs)
{
    public override string ToString() => $"line {Line}: {Keyword} {Arguments}";
}
