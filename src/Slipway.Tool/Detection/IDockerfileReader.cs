namespace Slipway.Tool.Detection;

/// <summary>Reads the little setup needs from a Dockerfile (<see cref="ParsedDockerfileReader"/>: with the builds' own
/// parser).</summary>
internal interface IDockerfileReader
{
    /// <param name="path">Relative to the repository root, as the summary names it.</param>
    /// <param name="text">The Dockerfile's content.</param>
    DockerfileSummary Read(string path, string text);
}
