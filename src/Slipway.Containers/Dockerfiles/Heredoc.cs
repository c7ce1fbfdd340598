namespace Slipway.Containers.Dockerfiles;

/// <summary>A here-document of a RUN, COPY or ADD (<c>&lt;&lt;EOF</c>): its delimiter, its body, whether leading tabs
/// are stripped (<c>&lt;&lt;-EOF</c>) and whether the delimiter was quoted (then the body is not expanded).</summary>
public sealed record Heredoc(string Name, string Body, bool StripsTabs, bool Quoted, int Line);
