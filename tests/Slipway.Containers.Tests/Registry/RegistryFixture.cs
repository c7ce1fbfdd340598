using Slipway.Containers.Registry;

namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// Shared by the registry integration tests: one htpasswd-protected local registry and the test images
/// (a tiny amd64 image made by the local engine, and a synthetic arm64 image), made once.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public LocalRegistry Registry { get; private set; } = null!;

    /// <summary><c>docker save</c> output of a one-file image the local engine imported (host platform, linux/amd64 here).</summary>
    public byte[] EngineArchive { get; private set; } = [];

    /// <summary>A docker-save archive of an image whose config says linux/arm64/v8.</summary>
    public byte[] Arm64Archive { get; } = SyntheticImage.Archive("arm64", "v8", new Dictionary<string, byte[]>
    {
        ["hello"] = "#!/bin/sh\necho hello from arm64\n"u8.ToArray(),
    });

    /// <summary>Retries fast: the faults in these tests are injected, not real congestion.</summary>
    public static RegistryClientOptions FastRetries { get; } = new()
    {
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        RequestTimeout = TimeSpan.FromSeconds(20),
        UploadTimeout = TimeSpan.FromSeconds(60),
    };

    public async Task InitializeAsync()
    {
        Registry = await LocalRegistry.StartAsync();
        EngineArchive = await EngineImage.SaveTinyImageAsync("hello from the engine\n");
    }

    public async Task DisposeAsync() => await Registry.DisposeAsync();

    public RegistryClient Client(RegistryCredentials? credentials = null, RegistryClientOptions? options = null, string? address = null) =>
        new(address ?? Registry.Address, credentials ?? LocalRegistry.Credentials, options ?? FastRetries);

    public static string NewRepository(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
}

[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "Local registry";
}
