using Serilog;
using Slipway.Containers.Engine;
using Slipway.Containers.Registry;

namespace Slipway.Containers.Components;

/// <summary>An open client for the registry of <see cref="RegistrySettings"/>: the app and builder repositories and
/// the login the engine pulls with.</summary>
internal sealed class RegistryConnection : IDisposable
{
    private RegistryConnection(RegistrySettings settings, RegistryClient client)
    {
        Settings = settings;
        Client = client;
    }

    public RegistrySettings Settings { get; }

    public ImageReference App => Settings.App;

    public string AppRepository => Settings.AppRepository;

    public string BuilderRepository => Settings.BuilderRepository;

    public RegistryClient Client { get; }

    /// <summary>For the engine's pulls from this registry.</summary>
    public RegistryLogin? Login => Settings.Credentials is { } credentials
        ? new RegistryLogin(App.Registry, credentials.Username, credentials.Password)
        : null;

    public static RegistryConnection? TryOpen(RegistrySettings? settings, ILogger log) => settings is null ? null : Open(settings, log);

    public static RegistryConnection Open(RegistrySettings settings, ILogger log) =>
        new(settings, new RegistryClient(settings.App.Registry, settings.Credentials, new RegistryClientOptions { Logger = log }));

    public string Reference(string repository, string tag) => $"{App.Registry}/{repository}:{tag}";

    public void Dispose() => Client.Dispose();
}
