using Slipway.Paths;

namespace Slipway.Parameters;

/// <summary>What a parameter's member type means to the engine: its kind of value, whether it is an array, and the
/// allowed values of an enum. Supported: string, bool, int, long, double, enums, <see cref="AbsolutePath"/>, their
/// nullable forms, and arrays (<c>T[]</c>, <c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c>) of them.</summary>
internal sealed record ParameterType(Type Declared, Type Element, ParameterKind Kind, bool IsArray, bool AcceptsNull)
{
    public static ParameterType Of(Type declared, string parameter)
    {
        var (element, isArray) = ElementOf(declared);
        var underlying = Nullable.GetUnderlyingType(element) ?? element;
        var kind = KindOf(underlying) ?? throw new SlipwayException(
            $"parameter {parameter} has type {declared.Name}, which parameters do not support " +
            "(use string, bool, int, long, double, an enum, AbsolutePath, or an array of those)");
        var acceptsNull = !declared.IsValueType || Nullable.GetUnderlyingType(declared) is not null;
        return new ParameterType(declared, underlying, kind, isArray, acceptsNull);
    }

    /// <summary>A bool that is not an array: <c>--flag</c> alone means true.</summary>
    public bool IsFlag => Kind == ParameterKind.Boolean && !IsArray;

    public IReadOnlyList<string> AllowedValues => Kind switch
    {
        ParameterKind.Enum => Enum.GetNames(Element),
        ParameterKind.Boolean => ["true", "false"],
        _ => [],
    };

    /// <summary>How help shows the value: <c>&lt;int&gt;</c>, <c>&lt;Debug|Release&gt;</c>, <c>&lt;string...&gt;</c>.</summary>
    public string Hint
    {
        get
        {
            var name = Kind switch
            {
                ParameterKind.String => "string",
                ParameterKind.Boolean => "bool",
                ParameterKind.Integer or ParameterKind.Long => "int",
                ParameterKind.Number => "number",
                ParameterKind.Path => "path",
                _ => string.Join('|', AllowedValues),
            };
            return IsArray ? $"<{name}...>" : $"<{name}>";
        }
    }

    /// <summary>The word an error uses for what was expected: "an integer", "one of Debug, Release".</summary>
    public string Expected => Kind switch
    {
        ParameterKind.String => "a string",
        ParameterKind.Boolean => "true or false",
        ParameterKind.Integer => "an integer",
        ParameterKind.Long => "an integer",
        ParameterKind.Number => "a number",
        ParameterKind.Path => "a path",
        _ => "one of " + string.Join(", ", AllowedValues),
    };

    private static (Type Element, bool IsArray) ElementOf(Type declared)
    {
        if (declared.IsArray)
            return (declared.GetElementType()!, true);
        if (declared.IsGenericType && declared != typeof(string))
        {
            var definition = declared.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) ||
                definition == typeof(IReadOnlyCollection<>))
                return (declared.GetGenericArguments()[0], true);
        }
        return (declared, false);
    }

    private static ParameterKind? KindOf(Type type) =>
        type == typeof(string) ? ParameterKind.String
        : type == typeof(bool) ? ParameterKind.Boolean
        : type == typeof(int) ? ParameterKind.Integer
        : type == typeof(long) ? ParameterKind.Long
        : type == typeof(double) ? ParameterKind.Number
        : type == typeof(AbsolutePath) ? ParameterKind.Path
        : type.IsEnum ? ParameterKind.Enum
        : null;
}
