namespace Slipway.Ci;

/// <summary>An environment variable of a generated step: its name, its value as the YAML spells it (a GitHub expression
/// such as <c>${{ secrets.PIP_INDEX_TOKEN }}</c> stays an expression, filled in by GitHub at run time), and what set it,
/// for the error when two settings of one workflow disagree (<c>BuildSecrets entry 'pip=PIP_INDEX_TOKEN'</c>).</summary>
public sealed record WorkflowVariable(string Name, string Value, string Origin);
