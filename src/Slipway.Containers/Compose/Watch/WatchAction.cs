namespace Slipway.Containers.Compose.Watch;

/// <summary>What a watch cycle does about a burst of changes.</summary>
internal enum WatchAction
{
    /// <summary>No input of the service changed (a file the Dockerfiles do not read, or one .dockerignore leaves out).</summary>
    Nothing,

    /// <summary>An app input changed: rebuild the app image and recreate the service.</summary>
    RebuildApp,

    /// <summary>A dependency input (the builder's) changed: rebuild the builder first, then the app, then recreate.</summary>
    RebuildBuilderAndApp,
}
