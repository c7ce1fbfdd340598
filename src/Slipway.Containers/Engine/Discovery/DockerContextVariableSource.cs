namespace Slipway.Containers.Engine.Discovery;

/// <summary>DOCKER_CONTEXT: a context of the Docker CLI's (<c>default</c> means the default sockets).</summary>
internal sealed class DockerContextVariableSource : IEngineSource
{
    public FoundEngine? Find(EngineLookup lookup) =>
        lookup.Variable("DOCKER_CONTEXT") is { } name && name != DockerContextStore.DefaultContext
            ? DockerContextStore.Require(lookup, name, "DOCKER_CONTEXT")
            : null;
}
