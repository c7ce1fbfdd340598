namespace Slipway.Parameters;

/// <summary>A member read a parameter's value as another type than the parameter holds (<c>ParameterValue(nameof(Retries), 3L)</c>
/// for an <c>int</c> parameter): a mistake in the build's code that used to fall back silently, now one error line.</summary>
internal sealed class ParameterReadMismatch(string memberName, Type wanted, Type held) : SlipwayException(
    $"{memberName} reads its parameter as {Describe(wanted)}, but the parameter holds {Describe(held)}: " +
    $"read it with ParameterValue<{Describe(held)}>(nameof({memberName}), …) or declare the parameter with the type it is read as")
{
    public string MemberName { get; } = memberName;

    /// <summary>A type as C# writes it: <c>int</c>, <c>string[]</c>, <c>long?</c>, <c>IReadOnlyList&lt;string&gt;</c>.</summary>
    public static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Describe(underlying) + "?";
        if (type.IsArray)
            return Describe(type.GetElementType()!) + "[]";
        if (type.IsGenericType)
            return type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(Describe)) + ">";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Boolean => "bool",
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Double => "double",
            _ => type.Name,
        };
    }
}
