namespace Slipway.Ci;

/// <summary>How a <see cref="WorkflowValue"/> is written.</summary>
public enum WorkflowValueKind
{
    Text,
    Number,
    Flag,
    Lines,
}
