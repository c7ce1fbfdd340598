using Serilog;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>The registry the build pushes to and pulls builders from, from the parameters: the app repository (the
/// builder's is <c>&lt;it&gt;-builder</c>) and the credentials (on ghcr.io the GitHub token when no password is given).</summary>
public sealed record RegistrySettings(ImageReference App, RegistryCredentials? Credentials)
{
    public string AppRepository => App.Repository;

    public string BuilderRepository => App.Repository + "-builder";

    /// <summary>Null when no <c>--registry</c> is set; a value that names no repository is one error line.</summary>
    public static RegistrySettings? From(IHazRegistry build, ILogger? log = null) =>
        string.IsNullOrWhiteSpace(build.Registry) ? null : Require(build, log);

    public static RegistrySettings Require(IHazRegistry build, ILogger? log = null)
    {
        var app = ParseRepository(build.Registry ?? throw new SlipwayException("no registry: set --registry"), log);
        return new RegistrySettings(app, CredentialsFor(build, app.Registry));
    }

    /// <summary>The <c>--registry</c> value as a repository, lower-cased first: GitHub's <c>github.repository</c> keeps the
    /// owner's capitals, which no registry accepts.</summary>
    public static ImageReference ParseRepository(string text, ILogger? log = null)
    {
        var lowered = text.Trim().ToLowerInvariant();
        if (lowered != text)
            log?.Information("Registry {Given} is used as {Lowered}: registries accept only lower-case repository names", text, lowered);
        if (!lowered.Contains('/'))
            throw new SlipwayException($"--registry '{text}' names no repository: give <registry>/<repository>, e.g. {lowered.Split('/')[0]}/acme/voice");
        var app = ImageReference.Parse(lowered);
        if (app.Tag is not null || app.Digest is not null)
            throw new SlipwayException($"--registry names a repository, not an image: drop the tag or digest from '{text}'");
        return app;
    }

    private static RegistryCredentials? CredentialsFor(IHazRegistry build, string registry)
    {
        var onGitHub = registry == "ghcr.io";
        var password = build.RegistryPassword ?? (onGitHub ? build.GitHubToken : null);
        var username = build.RegistryUsername
                       ?? (onGitHub ? build.EnvironmentVariables.GetValueOrDefault("GITHUB_ACTOR") ?? "token" : null);
        return (username, password) switch
        {
            (null, null) => null,
            ({ } user, { } secret) => new RegistryCredentials(user, secret),
            (null, _) => throw new SlipwayException($"a password for {registry} is set but no user name: set --registry-username"),
            (_, null) => throw new SlipwayException($"a user name for {registry} is set but no password: set --registry-password (or REGISTRY_PASSWORD)"),
        };
    }
}
