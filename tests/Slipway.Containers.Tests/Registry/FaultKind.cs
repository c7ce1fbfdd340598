namespace Slipway.Containers.Tests.Registry;

/// <summary>What the fault-injecting proxy does to a request it picked.</summary>
public enum FaultKind
{
    /// <summary>Answers 503 with a registry error body; the registry never sees the request.</summary>
    ServiceUnavailable,

    /// <summary>Resets the connection before forwarding; the registry never sees the request.</summary>
    DropBeforeForwarding,

    /// <summary>Forwards the request, then resets the connection: the registry acted, the client never hears of it.</summary>
    DropAfterForwarding,

    /// <summary>Never answers (until the proxy stops): the client's per-attempt timeout has to end the wait.</summary>
    Stall,
}
