using Slipway.Containers.Engine;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>The registry the build pushes to, from the parameters: the app and builder repositories, the credentials
/// (on ghcr.io the GitHub token when no password is given) and a client for it.</summary>
internal sealed class RegistryConnection : IDisposable
{
    private RegistryConnection(ImageReference app, RegistryCredentials? credentials, RegistryClient client)
    {
        App = app;
        Credentials = credentials;
        Client = client;
    }

    public ImageReference App { get; }

    public string AppRepository => App.Repository;

    public string BuilderRepository => App.Repository + "-builder";

    public RegistryCredentials? Credentials { get; }

    public RegistryClient Client { get; }

    /// <summary>For the engine's pulls from this registry.</summary>
    public RegistryLogin? Login => Credentials is null ? null : new RegistryLogin(App.Registry, Credentials.Username, Credentials.Password);

    public static RegistryConnection? TryOpen(IContainerBuild build) =>
        string.IsNullOrWhiteSpace(build.Registry) ? null : Open(build);

    public static RegistryConnection Open(IContainerBuild build)
    {
        var app = ParseRepository(build);
        if (app.Tag is not null || app.Digest is not null)
            throw new SlipwayException($"--registry names a repository, not an image: drop the tag or digest from '{build.Registry}'");
        var credentials = CredentialsFor(build, app.Registry);
        var client = new RegistryClient(app.Registry, credentials, new RegistryClientOptions { Logger = build.Log });
        return new RegistryConnection(app, credentials, client);
    }

    /// <summary>The <c>--registry</c> value as a repository, lower-cased first: GitHub's <c>github.repository</c> keeps the
    /// owner's capitals, which no registry accepts.</summary>
    public static ImageReference ParseRepository(IContainerBuild build)
    {
        var text = build.Registry ?? throw new SlipwayException("no registry: set --registry");
        var lowered = text.ToLowerInvariant();
        if (lowered != text)
            build.Log.Information("Registry {Given} is used as {Lowered}: registries accept only lower-case repository names", text, lowered);
        return ImageReference.Parse(lowered);
    }

    public string Reference(string repository, string tag) => $"{App.Registry}/{repository}:{tag}";

    public void Dispose() => Client.Dispose();

    private static RegistryCredentials? CredentialsFor(IContainerBuild build, string registry)
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
