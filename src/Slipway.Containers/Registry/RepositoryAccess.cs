namespace Slipway.Containers.Registry;

/// <summary>The access a caller needs to a repository; it decides the token scope.</summary>
public enum RepositoryAccess
{
    Pull,
    Push,
}
