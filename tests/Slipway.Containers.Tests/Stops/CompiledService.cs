namespace Slipway.Containers.Tests.Stops;

/// <summary>The service checkout compiled once (by a first <c>./build.sh --help</c>); each test works on a copy.</summary>
public sealed class CompiledService : IAsyncLifetime
{
    public ServiceCheckout Checkout { get; } = ServiceCheckout.Create();

    public async Task InitializeAsync()
    {
        using var first = ScriptProcess.Start(Checkout.Root, ["--help"]);
        await first.WaitAsync(TimeSpan.FromMinutes(10));
        if (first.ExitCode != 0)
            throw new InvalidOperationException($"the service build did not compile:\n{first.Output}");
    }

    public Task DisposeAsync()
    {
        Checkout.Dispose();
        return Task.CompletedTask;
    }
}
