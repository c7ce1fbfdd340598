namespace Slipway.Paths;

/// <summary>The engine's folders inside the root. <c>.nuke/temp</c> is spelled here and nowhere else: the build log,
/// the plan page, the records of incremental targets, generated CI caches and every component's working files live
/// under <see cref="TemporaryDirectoryOf"/>.</summary>
public static class BuildFolders
{
    /// <summary>The folder that marks the root and holds the parameters files and the schema.</summary>
    public const string Marker = ".nuke";

    /// <summary>The temporary folder relative to the root, with forward slashes (as CI files and messages write it); ignored by git.</summary>
    public const string Temporary = ".nuke/temp";

    public static AbsolutePath TemporaryDirectoryOf(AbsolutePath root) => root / Temporary;
}
