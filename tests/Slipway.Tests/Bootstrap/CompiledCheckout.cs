namespace Slipway.Tests.Bootstrap;

/// <summary>The fixture checkout compiled once (by a first <c>./build.sh --help</c>) for all tests of a class.</summary>
public sealed class CompiledCheckout : IAsyncLifetime
{
    public FixtureCheckout Checkout { get; } = FixtureCheckout.Create();

    public async Task InitializeAsync()
    {
        using var first = await Checkout.RunAsync("--help");
        if (first.ExitCode != 0)
            throw new InvalidOperationException($"the fixture build did not compile:\n{first.Output}\n{first.Errors}");
    }

    public Task DisposeAsync()
    {
        Checkout.Dispose();
        return Task.CompletedTask;
    }
}
