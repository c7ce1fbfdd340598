using Slipway.Parameters;

namespace Slipway.Containers.Components;

public interface IHazRegistry : IHazGitHubToken
{
    [Parameter("Registry repository of the app image, e.g. ghcr.io/acme/voice or 127.0.0.1:5000/voice (the builder goes to <it>-builder)")]
    string? Registry => ParameterValue<string?>(nameof(Registry), null);

    [Parameter("User name for the registry (on ghcr.io without one: the GitHub actor)")]
    string? RegistryUsername => ParameterValue<string?>(nameof(RegistryUsername), null);

    [Parameter("Password or token for the registry"), Secret]
    string? RegistryPassword => ParameterValue<string?>(nameof(RegistryPassword), null);
}
