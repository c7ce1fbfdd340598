using System.Reflection;

namespace Slipway.Parameters;

/// <summary>Writes resolved values into the build class's parameter fields and properties (read-only ones too, through
/// their backing field). Interface properties are not assigned: their getters read <c>ParameterValue</c>.</summary>
internal static class ParameterAssignment
{
    public static void Apply(object build, ResolvedParameters parameters)
    {
        foreach (var declaration in parameters.Declarations.Where(declaration => !declaration.IsOnComponent))
        {
            if (parameters[declaration] is { } resolved)
                Assign(build, declaration, resolved.Value);
        }
    }

    private static void Assign(object build, ParameterDeclaration declaration, object? value)
    {
        switch (declaration.Member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo { SetMethod: not null } property:
                property.SetValue(build, value);
                break;
            case PropertyInfo property when BackingField(property) is { } field:
                field.SetValue(build, value);
                break;
            default:
                // A computed property: it can read the value with ParameterValue(nameof(...), fallback).
                break;
        }
    }

    private static FieldInfo? BackingField(PropertyInfo property) =>
        property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
}
