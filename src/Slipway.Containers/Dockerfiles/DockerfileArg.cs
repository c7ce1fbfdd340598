namespace Slipway.Containers.Dockerfiles;

/// <summary>An <c>ARG NAME[=default]</c> declaration: global (before the first FROM) or in a stage, with its line.</summary>
public sealed record DockerfileArg(string Name, string? Default, int Line)
{
    public override string ToString() => Default is null ? $"ARG {Name} (line {Line})" : $"ARG {Name}={Default} (line {Line})";
}
