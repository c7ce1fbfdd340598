namespace Slipway.Containers.Components;

/// <summary>Labels Slipway puts on its images, so a later run can tell what an image was built from.</summary>
public static class BuilderImageLabels
{
    /// <summary>On app images: the hash of everything the app build consumed (context, Dockerfile, builder and base
    /// image IDs, tags, labels), so an unchanged app is not sent to the engine again.</summary>
    public const string AppInputs = "org.slipway.app-inputs";
    public const string DependencyHash = "org.slipway.dependency-hash";
    public const string DependencyInputs = "org.slipway.dependency-inputs";
    public const string Platform = "org.slipway.platform";
    public const string Role = "org.slipway.role";
}
