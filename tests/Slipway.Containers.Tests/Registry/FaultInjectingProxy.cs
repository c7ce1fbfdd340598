using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Slipway.Containers.Tests.Registry;

/// <summary>
/// A TCP/HTTP proxy on 127.0.0.1 in front of a registry that fails a fixed fraction of requests: 503 answers, resets
/// before forwarding and resets after forwarding (the hardest case: the registry acted but the client cannot know);
/// stalls (no answer at all) only when asked for.
/// Decisions come from a seeded random sequence in request order, so a sequential client sees the same faults on
/// every run.
/// </summary>
public sealed class FaultInjectingProxy : LoopbackHttpServer
{
    private readonly double failureRate;
    private readonly FaultKind[] kinds;
    private readonly Random random;
    private readonly ConcurrentDictionary<FaultKind, int> injected = new();
    private int requests;

    public FaultInjectingProxy(int upstreamPort, double failureRate, int seed, params FaultKind[] kinds)
        : base(upstreamPort)
    {
        this.failureRate = failureRate;
        this.kinds = kinds.Length > 0 ? kinds : [FaultKind.ServiceUnavailable, FaultKind.DropBeforeForwarding, FaultKind.DropAfterForwarding];
        random = new Random(seed);
    }

    public int Requests => Volatile.Read(ref requests);

    public int Faults => injected.Values.Sum();

    public int FaultsOf(FaultKind kind) => injected.GetValueOrDefault(kind);

    public override string ToString() =>
        $"{Requests} requests, {Faults} faults ({string.Join(", ", kinds.Select(k => $"{k}: {FaultsOf(k)}"))})";

    private protected override async Task HandleAsync(HttpRequestHead head, byte[] body, Socket client, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        var fault = Decide();
        if (fault is not null)
            injected.AddOrUpdate(fault.Value, 1, (_, n) => n + 1);
        switch (fault)
        {
            case FaultKind.ServiceUnavailable:
                await AnswerAsync(client, 503, "Service Unavailable",
                    """{"errors":[{"code":"UNAVAILABLE","message":"injected by the test proxy"}]}""", cancellationToken: cancellationToken);
                break;
            case FaultKind.DropBeforeForwarding:
                Reset(client);
                break;
            case FaultKind.DropAfterForwarding:
                await ForwardAsync(head, body, cancellationToken);
                Reset(client);
                break;
            case FaultKind.Stall:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                Reset(client);
                break;
            default:
                await SendAsync(client, await ForwardAsync(head, body, cancellationToken), cancellationToken);
                break;
        }
    }

    private FaultKind? Decide()
    {
        lock (random)
        {
            var roll = random.NextDouble();
            var kind = kinds[random.Next(kinds.Length)];
            return roll < failureRate ? kind : null;
        }
    }
}
