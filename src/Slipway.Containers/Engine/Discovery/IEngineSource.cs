namespace Slipway.Containers.Engine.Discovery;

/// <summary>One place the Docker CLI looks for its engine; <see cref="EngineDiscovery"/> asks them in order.</summary>
internal interface IEngineSource
{
    /// <summary>The engine this source names, or null when it names none (the next source is asked).</summary>
    FoundEngine? Find(EngineLookup lookup);
}
