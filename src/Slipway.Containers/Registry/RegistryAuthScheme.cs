namespace Slipway.Containers.Registry;

/// <summary>How the registry asked to be authenticated (learned from its <c>WWW-Authenticate</c> challenge).</summary>
public enum RegistryAuthScheme
{
    Anonymous,
    Basic,
    Bearer,
}
