namespace Slipway.Cli;

/// <summary>An option of the engine itself (not a build parameter), as parsed and as shown in help.</summary>
/// <param name="Name">The dashed name, without <c>--</c>.</param>
/// <param name="ValueHint">How help shows its value, e.g. <c>&lt;name...&gt;</c>.</param>
/// <param name="FileKey">The key that sets it in parameters files, when files may set it.</param>
internal sealed record BuiltInOption(
    string Name, OptionArity Arity, string? ValueHint, string Description, string? FileKey = null, string? Alias = null)
{
    public string Switch => "--" + Name;

    public string Usage => (Alias is null ? "" : Alias + ", ") + Switch + (ValueHint is null ? "" : " " + ValueHint);
}
