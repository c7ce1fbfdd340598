namespace Slipway.Containers.Compose.Watch;

/// <summary>How a cycle's rebuild and recreate ended.</summary>
/// <param name="Failed">The build or the recreate failed (its error line said why); the old container runs on.</param>
/// <param name="Done">What was done, for the edit-to-running line (the new image and where the time went); null when
/// nothing was recreated.</param>
internal sealed record RebuildStep(bool Failed, string? Done)
{
    public static RebuildStep Failure { get; } = new(true, null);

    /// <summary>The service already runs an image of these inputs.</summary>
    public static RebuildStep Unchanged { get; } = new(false, null);

    public static RebuildStep Recreated(string done) => new(false, done);
}
