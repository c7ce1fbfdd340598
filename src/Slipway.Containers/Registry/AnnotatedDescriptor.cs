namespace Slipway.Containers.Registry;

/// <summary>A descriptor as a manifest's layer lists it, with the annotations that travel with it.</summary>
public sealed record AnnotatedDescriptor(ContentDescriptor Descriptor, IReadOnlyDictionary<string, string>? Annotations = null);
