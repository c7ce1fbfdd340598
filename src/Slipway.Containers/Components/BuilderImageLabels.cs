namespace Slipway.Containers.Components;

/// <summary>Labels Slipway puts on its images, so a later run can tell what an image was built from.</summary>
public static class BuilderImageLabels
{
    public const string DependencyHash = "org.slipway.dependency-hash";
    public const string DependencyInputs = "org.slipway.dependency-inputs";
    public const string Platform = "org.slipway.platform";
    public const string Role = "org.slipway.role";
}
