namespace Slipway.Parameters;

/// <summary>The kinds of value a parameter (or each element of an array parameter) can hold.</summary>
internal enum ParameterKind
{
    String,
    Boolean,
    Integer,
    Long,
    Number,
    Enum,
    Path,
}
