namespace Slipway.Containers.Compose;

/// <summary>One entry of a Compose file's <c>services:</c>, with the fields Slipway reads.</summary>
/// <param name="Build">Its <c>build:</c> section, or null for a service that only runs an image.</param>
/// <param name="Image">Its <c>image:</c>, or null.</param>
/// <param name="Platform">Its <c>platform:</c> (e.g. <c>linux/arm64</c>), or null.</param>
/// <param name="Ports">Its <c>ports:</c> in the short syntax (<c>127.0.0.1:8000:8000/tcp</c>); the long syntax is written that way too.</param>
/// <param name="Line">The line of its name in the file, for messages.</param>
public sealed record ComposeService(
    string Name, ComposeBuild? Build, string? Image, string? Platform, IReadOnlyList<string> Ports, int Line)
{
    /// <summary>Its <c>develop.watch</c> rules in the order written (Compose 2.22+); empty when it has none.</summary>
    public IReadOnlyList<DevelopWatchRule> DevelopWatch { get; init; } = [];
}
