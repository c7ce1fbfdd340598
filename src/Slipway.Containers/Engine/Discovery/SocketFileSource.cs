namespace Slipway.Containers.Engine.Discovery;

/// <summary>A socket the engine listens on when nothing names one: found when the file is there.</summary>
internal sealed class SocketFileSource(string name, Func<EngineLookup, string?> path) : IEngineSource
{
    public FoundEngine? Find(EngineLookup lookup) =>
        path(lookup) is { } socket && File.Exists(socket) ? new FoundEngine(EngineEndpoint.Parse(socket), name) : null;
}
