namespace Slipway.Containers.Dockerfiles;

/// <summary>A read that matches no file of the context, and why: for the error naming the file and line.</summary>
public sealed record MissingRead(ContextRead Read, string Reason)
{
    public override string ToString() => $"{Read.File} line {Read.Line}: {Read.Instruction} {Read.Source} {Reason}";
}
