namespace Slipway.Containers.Dockerfiles;

/// <summary>
/// The trailing instructions of a builder stage whose output no later stage of its Dockerfile sees (seed 001's
/// <c>COPY . /app</c> after the install, when the runner copies only <c>/opt/venv</c> from the builder and the code
/// from the context): left out of the builder image, so the code is no builder input. <see cref="KeptBecause"/> says
/// where the search stopped when it met an instruction it must keep (null when there was none).
/// </summary>
public sealed record BuilderTail(string? Stage, IReadOnlyList<LeftOutInstruction> LeftOut, string? KeptBecause)
{
    public static readonly BuilderTail None = new(null, [], null);

    public bool IsEmpty => LeftOut.Count == 0;

    /// <summary>An instruction as messages quote it: keyword and arguments, blanks collapsed, long ones cut.</summary>
    public static string Shorten(DockerfileInstruction instruction)
    {
        var text = string.Join(' ', $"{instruction.Keyword} {instruction.Arguments}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
