namespace Slipway.Containers.Dockerfiles;

/// <summary>A trailing instruction of the builder stage that Slipway leaves out of the builder image it builds and
/// hashes, and why no later stage can see what it would have written.</summary>
public sealed record LeftOutInstruction(string File, DockerfileInstruction Instruction, string Why)
{
    public override string ToString() => $"{File} line {Instruction.Line}: {BuilderTail.Shorten(Instruction)}: {Why}";
}
