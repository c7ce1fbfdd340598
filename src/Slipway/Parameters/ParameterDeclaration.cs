using System.Reflection;

namespace Slipway.Parameters;

/// <summary>A <c>[Parameter]</c> member of the build class or of a component interface it implements.</summary>
internal sealed class ParameterDeclaration
{
    public ParameterDeclaration(MemberInfo member, ParameterAttribute attribute)
    {
        Member = member;
        Name = string.IsNullOrWhiteSpace(attribute.Name) ? member.Name : attribute.Name;
        Description = attribute.Description;
        Separators = attribute.Separators is { Length: > 0 } separators ? separators : [' ', ','];
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        IsRequired = member.IsDefined(typeof(RequiredAttribute));
        Type = ParameterType.Of(member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType, Name);
    }

    /// <summary>The name users type, without dashes: the member's name unless the attribute gives one.</summary>
    public string Name { get; }

    public MemberInfo Member { get; }

    /// <summary>The key of <see cref="Execution.RunState.ParameterValues"/> and of <c>ParameterValue(nameof(X), …)</c>.</summary>
    public string MemberName => Member.Name;

    public string Description { get; }

    public char[] Separators { get; }

    public bool IsSecret { get; }

    public bool IsRequired { get; }

    public ParameterType Type { get; }

    /// <summary>Declared on a component interface: its getter reads the value, the engine assigns nothing.</summary>
    public bool IsOnComponent => Member.DeclaringType!.IsInterface;

    public string Switch => "--" + ParameterName.Dashed(Name);

    public string EnvironmentVariable => ParameterName.Environment(Name);

    /// <summary>The value the build sees now: the field or the property's getter (an interface getter applies its fallback).</summary>
    public object? Read(object build) => Member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public override string ToString() => Name;
}
