using System.Reflection;

namespace Slipway.Parameters;

/// <summary>Collects the <c>[Parameter]</c> members of a build class, its base classes and every interface it implements.</summary>
internal static class ParameterDeclarations
{
    private const BindingFlags Members =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Declarations ordered by name; a name declared twice (a class member and an interface property, or two
    /// interfaces) is one parameter when the types agree, an error when they do not.</summary>
    public static IReadOnlyList<ParameterDeclaration> Collect(Type buildType, IReadOnlyCollection<string> reservedNames)
    {
        var found = new Dictionary<string, ParameterDeclaration>();
        foreach (var member in MembersOf(buildType))
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                continue;
            var declaration = new ParameterDeclaration(member, attribute);
            var key = ParameterName.Normalise(declaration.Name);
            if (reservedNames.Any(reserved => ParameterName.Equal(reserved, declaration.Name)))
                throw new SlipwayException(
                    $"parameter {declaration.Name} ({Where(member)}) has the name of the built-in option --{ParameterName.Dashed(declaration.Name)}; rename it");
            if (found.TryGetValue(key, out var earlier))
            {
                if (earlier.Type.Declared != declaration.Type.Declared)
                    throw new SlipwayException(
                        $"parameter {declaration.Name} is declared as {earlier.Type.Declared.Name} in {Where(earlier.Member)} " +
                        $"and as {declaration.Type.Declared.Name} in {Where(member)}");
                continue;
            }
            found[key] = declaration;
        }
        return found.Values.OrderBy(declaration => declaration.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Class members first (most derived first, so they win over interface properties), then interfaces by name.</summary>
    private static IEnumerable<MemberInfo> MembersOf(Type buildType)
    {
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var member in type.GetFields(Members).Cast<MemberInfo>().Concat(type.GetProperties(Members)))
                yield return member;
        }
        foreach (var component in buildType.GetInterfaces().OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            foreach (var property in component.GetProperties(Members))
                yield return property;
        }
    }

    private static string Where(MemberInfo member) => $"{member.DeclaringType!.Name}.{member.Name}";
}
