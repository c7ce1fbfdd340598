namespace Slipway.Containers.Compose;

/// <summary>A Compose file as read: where it is and its services in the order written.</summary>
public sealed record ComposeProject(string Path, IReadOnlyList<ComposeService> Services)
{
    /// <summary>The services that have a <c>build:</c> section: the images built from this repository.</summary>
    public IReadOnlyList<ComposeService> BuiltServices => Services.Where(service => service.Build is not null).ToArray();

    public ComposeService? Service(string name) => Services.FirstOrDefault(service => service.Name == name);
}
