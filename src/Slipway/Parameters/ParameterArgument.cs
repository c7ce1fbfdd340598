namespace Slipway.Parameters;

/// <summary>A parameter as given on the command line: the name typed after <c>--</c> and the values that followed it.</summary>
internal sealed record ParameterArgument(string Name, IReadOnlyList<string> Values)
{
    public string Switch => "--" + Name;
}
