namespace Slipway.Containers.Attestations;

/// <summary>A signature over a payload and what else goes onto its layer as annotations (certificates, bundles).</summary>
public sealed record PayloadSignature(byte[] Signature, IReadOnlyDictionary<string, string> Annotations)
{
    public PayloadSignature(byte[] signature)
        : this(signature, new Dictionary<string, string>())
    {
    }
}
