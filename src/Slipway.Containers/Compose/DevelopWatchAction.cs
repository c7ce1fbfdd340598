namespace Slipway.Containers.Compose;

/// <summary>What a <c>develop.watch</c> rule does when a file under its path changes (Compose Specification, develop.md).</summary>
public enum DevelopWatchAction
{
    /// <summary><c>sync</c>: copy the changed files into the running container at the rule's target.</summary>
    Sync,

    /// <summary><c>sync+restart</c>: copy them, then restart the container.</summary>
    SyncRestart,

    /// <summary><c>rebuild</c>: build the image again (Slipway's BuildAppImage) and recreate the service.</summary>
    Rebuild,

    /// <summary><c>restart</c> (Compose 2.32): restart the container, copying nothing.</summary>
    Restart,
}
