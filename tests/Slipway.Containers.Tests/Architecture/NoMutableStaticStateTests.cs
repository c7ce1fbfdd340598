using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Slipway.Containers.Tests.Architecture;

/// <summary>No state outlives a run or is shared between builds in one process: the engine and the components hold no
/// static field that can be assigned, and no static collection that can be changed.</summary>
public sealed class NoMutableStaticStateTests
{
    private static readonly Assembly[] Assemblies = [typeof(SlipwayBuild).Assembly, typeof(Slipway.Containers.Components.IRestore).Assembly];

    [Fact]
    public void Neither_assembly_has_a_mutable_static_field()
    {
        var offenders = Assemblies
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !IsGenerated(type))
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(field => !field.IsLiteral && !IsGenerated(field))
            .Where(field => !field.IsInitOnly || IsMutableCollection(field.FieldType))
            .Select(field => $"{field.DeclaringType!.FullName}.{field.Name} ({field.FieldType.Name})")
            .Order()
            .ToArray();

        Assert.True(offenders.Length == 0, "mutable static state: " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_check_sees_a_mutable_static_field()
    {
        Assert.True(IsMutableCollection(typeof(List<string>)));
        Assert.True(IsMutableCollection(typeof(string[])));
        Assert.True(IsMutableCollection(typeof(ConditionalWeakTable<object, object>)));
        Assert.False(IsMutableCollection(typeof(IReadOnlyList<string>)));
        Assert.False(IsMutableCollection(typeof(string)));
    }

    /// <summary>Arrays and the framework's changeable collections; read-only interfaces and frozen or immutable types pass.</summary>
    private static bool IsMutableCollection(Type type)
    {
        if (type.IsArray)
            return true;
        if (type == typeof(string) || type.IsInterface && type.Name.StartsWith("IReadOnly", StringComparison.Ordinal))
            return false;
        if (type.Namespace is "System.Collections.Frozen" or "System.Collections.Immutable")
            return false;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ConditionalWeakTable<,>))
            return true;
        return typeof(IList).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type)
               || type.GetInterfaces().Any(face => face.IsGenericType && face.GetGenericTypeDefinition() == typeof(ICollection<>));
    }

    /// <summary>The compiler's lambda caches and generated protobuf code are not Slipway's state.</summary>
    private static bool IsGenerated(MemberInfo member) =>
        member.Name.Contains('<') || member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || member is Type { Namespace: { } ns } && ns.EndsWith(".BuildKit", StringComparison.Ordinal);
}
