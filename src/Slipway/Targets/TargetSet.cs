using System.Reflection;
using Slipway.Targets.Values;

namespace Slipway.Targets;

/// <summary>Every target of a build: the class's own and the default members of the component interfaces it implements.</summary>
internal sealed class TargetSet
{
    private readonly Dictionary<MethodInfo, ExecutableTarget> _byMethod;
    private readonly SlipwayBuild _build;

    private TargetSet(SlipwayBuild build, IReadOnlyList<ExecutableTarget> all, Dictionary<MethodInfo, ExecutableTarget> byMethod)
    {
        _build = build;
        All = all;
        _byMethod = byMethod;
    }

    public IReadOnlyList<ExecutableTarget> All { get; }

    public static TargetSet Collect(SlipwayBuild build)
    {
        var byMethod = new Dictionary<MethodInfo, ExecutableTarget>();
        var all = new List<ExecutableTarget>();
        foreach (var property in TargetProperties(build.GetType()))
        {
            if (property.GetValue(build) is not Target declaration || byMethod.ContainsKey(declaration.Method))
                continue;
            if (all.Any(target => TargetNames.Equal(target.Name, property.Name)))
                continue;
            var definition = new TargetDefinition();
            declaration(definition);
            ProducedValueRules.ThrowIfBroken(property.Name, definition);
            var target = new ExecutableTarget(property.Name, definition);
            byMethod[declaration.Method] = target;
            all.Add(target);
        }
        var set = new TargetSet(build, all, byMethod);
        set.ResolveEdges();
        return set;
    }

    /// <summary>Finds a target by name, ignoring case and dashes.</summary>
    public ExecutableTarget Find(string name) =>
        All.FirstOrDefault(target => TargetNames.Equal(target.Name, name))
        ?? throw new SlipwayException(TargetNames.UnknownMessage(name, All.Where(t => t.Listed).Select(t => t.Name).ToArray()));

    public ExecutableTarget Resolve(Target target) =>
        _byMethod.TryGetValue(target.Method, out var found)
            ? found
            : throw new SlipwayException("a target was referenced that is not a property of the build or of a component it implements");

    private static IEnumerable<PropertyInfo> TargetProperties(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var own = new List<PropertyInfo>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
            own.AddRange(type.GetProperties(flags | BindingFlags.DeclaredOnly));
        var fromComponents = buildType.GetInterfaces()
            .OrderBy(component => component.FullName, StringComparer.Ordinal)
            .SelectMany(component => component.GetProperties(flags));
        return own.Concat(fromComponents)
            .Where(property => property.PropertyType == typeof(Target) && property.GetMethod is not null)
            .Where(property => !property.Name.Contains('.'));
    }

    private void ResolveEdges()
    {
        foreach (var target in All)
        {
            var definition = target.Definition;
            AddEach(Resolve(target, definition.DependsOnTargets), dependency => target.Dependencies.Add(dependency));
            AddEach(Resolve(target, definition.DependentForTargets), dependant => dependant.Dependencies.Add(target));
            AddEach(Resolve(target, definition.AfterTargets), earlier => target.OrderedAfter.Add(earlier));
            AddEach(Resolve(target, definition.BeforeTargets), later => later.OrderedAfter.Add(target));
            AddEach(Resolve(target, definition.TriggersTargets), triggered => target.Triggers.Add(triggered));
            AddEach(Resolve(target, definition.TriggeredByTargets), trigger => trigger.Triggers.Add(target));
        }
    }

    private IEnumerable<ExecutableTarget> Resolve(ExecutableTarget owner, IEnumerable<TargetReference> references)
    {
        foreach (var reference in references)
        {
            if (reference.Direct is not null)
            {
                yield return Resolve(reference.Direct);
                continue;
            }
            if (!reference.Component!.IsInstanceOfType(_build))
            {
                if (reference.Optional)
                    continue;
                throw new SlipwayException(
                    $"target {owner.Name} refers to a target of {reference.Component.Name}, which the build class does not implement");
            }
            yield return Resolve(reference.Selector!(_build));
        }
    }

    private static void AddEach(IEnumerable<ExecutableTarget> targets, Action<ExecutableTarget> add)
    {
        foreach (var target in targets)
            add(target);
    }
}
