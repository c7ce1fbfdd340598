using System.Diagnostics.CodeAnalysis;

namespace Slipway.Containers.Registry;

/// <summary>
/// An image name as users write it: <c>[registry[:port]/]repository[:tag][@digest]</c>.
/// Without a registry it is Docker Hub (<c>docker.io</c>), where a one-part name gets the <c>library/</c> prefix.
/// Registry and repository must be lowercase; the error names the part that is not.
/// </summary>
public sealed record ImageReference
{
    public const string DockerHub = "docker.io";

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>Host and optional port, e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>The repository path inside the registry, e.g. <c>acme/voice</c>.</summary>
    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>Registry and repository without tag or digest, e.g. <c>ghcr.io/acme/voice</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>What goes after <c>/manifests/</c>: the digest when there is one, else the tag, else <c>latest</c>.</summary>
    public string ManifestReference => Digest ?? Tag ?? "latest";

    public static ImageReference Parse(string text) =>
        TryParse(text, out var reference, out var error) ? reference : throw new SlipwayException(error);

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out ImageReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = Explain(text, ParseParts(text ?? "", out var registry, out var repository, out var tag, out var digest));
        if (error is null)
            reference = new ImageReference(registry, repository, tag, digest);
        return reference is not null;
    }

    /// <summary>Builds a reference from its parts, with the same checks as <see cref="Parse"/>.</summary>
    public static ImageReference Create(string registry, string repository, string? tag = null, string? digest = null)
    {
        var problem = ReferenceGrammar.CheckHost(registry)
            ?? ReferenceGrammar.CheckRepository(repository)
            ?? (tag is null ? null : ReferenceGrammar.CheckTag(tag))
            ?? (digest is null ? null : ReferenceGrammar.CheckDigest(digest));
        if (problem is not null)
            throw new SlipwayException($"invalid image reference '{registry}/{repository}': {problem}");
        return new ImageReference(registry, repository, tag, digest);
    }

    public ImageReference WithTag(string tag) => Create(Registry, Repository, tag, null);

    public ImageReference WithDigest(string digest) => Create(Registry, Repository, null, digest);

    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    private static string? Explain(string? text, string? problem) => problem switch
    {
        null => null,
        _ when string.IsNullOrWhiteSpace(text) => "invalid image reference: it is empty",
        _ => $"invalid image reference '{text}': {problem}",
    };

    private static string? ParseParts(string text, out string registry, out string repository, out string? tag, out string? digest)
    {
        registry = DockerHub;
        repository = "";
        tag = null;
        digest = null;
        if (string.IsNullOrWhiteSpace(text))
            return "it is empty";

        var rest = text;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (ReferenceGrammar.CheckDigest(digest) is { } digestProblem)
                return digestProblem;
        }

        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
            if (ReferenceGrammar.CheckTag(tag) is { } tagProblem)
                return tagProblem;
        }

        var slash = rest.IndexOf('/');
        if (slash > 0 && ReferenceGrammar.LooksLikeHost(rest[..slash]))
        {
            registry = rest[..slash];
            rest = rest[(slash + 1)..];
            if (registry == "index.docker.io")
                registry = DockerHub;
            if (ReferenceGrammar.CheckHost(registry) is { } hostProblem)
                return hostProblem;
        }

        if (registry == DockerHub && rest.Length > 0 && !rest.Contains('/'))
            rest = "library/" + rest;
        repository = rest;
        if ((registry + "/" + repository).Length > ReferenceGrammar.MaxNameLength)
            return $"the name is longer than {ReferenceGrammar.MaxNameLength} characters";
        return ReferenceGrammar.CheckRepository(repository);
    }
}
