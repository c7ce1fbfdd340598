using System.Collections.Concurrent;

namespace Slipway.Targets.Values;

/// <summary>The values targets hand on during one run: each produced once by the target that declares
/// <c>Produces&lt;T&gt;</c>, read by the targets that declare <c>Consumes&lt;T&gt;</c>, or given by the caller
/// (<see cref="Execution.Invocation.Values"/>) instead of being produced. Kept by the run, never in a static.</summary>
internal sealed class BuildValues : IDisposable
{
    private readonly ConcurrentDictionary<Type, object> _values = new();
    private readonly ConcurrentBag<IDisposable> _owned = [];
    private readonly IReadOnlyDictionary<Type, string> _producers;

    public BuildValues(IEnumerable<object> given, TargetSet targets)
    {
        foreach (var value in given)
        {
            if (!_values.TryAdd(value.GetType(), value))
                throw new SlipwayException($"two given values are of type {value.GetType().Name}: give each value once");
        }
        Given = _values.Keys.ToHashSet();
        _producers = targets.All
            .SelectMany(target => target.Definition.ProducedTypes.Select(type => (Type: type, target.Name)))
            .GroupBy(pair => pair.Type)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(pair => pair.Name)));
    }

    /// <summary>The types the caller gave; their producers are not needed.</summary>
    public IReadOnlySet<Type> Given { get; }

    public void Publish(ExecutableTarget producer, Type declared, object value)
    {
        if (!declared.IsInstanceOfType(value))
            throw new SlipwayException($"target {producer.Name} produced a {value.GetType().Name} where it declared {declared.Name}");
        if (!_values.TryAdd(declared, value))
            throw new SlipwayException($"target {producer.Name} produced {declared.Name}, which this run already has");
        if (value is IDisposable disposable)
            _owned.Add(disposable);
    }

    public T Get<T>(ExecutableTarget? reader) where T : class
    {
        var type = typeof(T);
        if (reader is null)
            throw new SlipwayException($"{type.Name} was read while no target runs: values are read by targets that consume them");
        var definition = reader.Definition;
        if (!definition.ConsumedTypes.Contains(type) && !definition.ProducedTypes.Contains(type))
            throw new SlipwayException($"target {reader.Name} reads {type.Name} without declaring .Consumes<{type.Name}>()");
        if (_values.TryGetValue(type, out var value))
            return (T)value;
        var producer = _producers.TryGetValue(type, out var names) ? $"{names} produces it but has not in this run" : "no target of the build produces it";
        throw new SlipwayException($"target {reader.Name} consumes {type.Name}: {producer}");
    }

    /// <summary>Values the run produced and owns (engine clients) are released; given ones belong to the caller.</summary>
    public void Dispose()
    {
        foreach (var disposable in _owned)
            disposable.Dispose();
    }
}
