using Slipway.Planning;

namespace Slipway.Targets.Values;

/// <summary>Checks a plan before anything runs: every value a planned target consumes is given by the caller or produced
/// by a target that runs before it, and no value is produced twice. A broken flow is one error line.</summary>
internal static class ValueFlowCheck
{
    public static void ThrowIfBroken(Plan plan, TargetSet targets, IReadOnlySet<Type> given)
    {
        var problems = new List<string>();
        var running = plan.Steps.Where(step => step.SkipReason is null).ToArray();
        foreach (var twice in running.SelectMany(step => step.Target.Definition.ProducedTypes.Select(type => (type, step.Target)))
                     .GroupBy(pair => pair.type).Where(group => group.Count() > 1))
            problems.Add($"{twice.Key.Name} is produced by both {string.Join(" and ", twice.Select(pair => pair.Target.Name))}");
        for (var index = 0; index < plan.Steps.Count; index++)
        {
            var step = plan.Steps[index];
            if (step.SkipReason is not null)
                continue;
            foreach (var type in step.Target.Definition.ConsumedTypes.Where(type => !given.Contains(type)))
            {
                if (plan.Steps.Take(index).Any(earlier => earlier.SkipReason is null && earlier.Target.Definition.ProducedTypes.Contains(type)))
                    continue;
                problems.Add(Describe(step.Target, type, plan, index, targets));
            }
        }
        if (problems.Count > 0)
            throw new SlipwayException(string.Join("; ", problems));
    }

    private static string Describe(ExecutableTarget consumer, Type type, Plan plan, int index, TargetSet targets)
    {
        var prefix = $"target {consumer.Name} consumes {type.Name}";
        var planned = plan.Steps.Select((step, position) => (step, position))
            .FirstOrDefault(pair => pair.step.Target.Definition.ProducedTypes.Contains(type));
        if (planned.step is { SkipReason: { } reason })
            return $"{prefix}, but {planned.step.Target.Name}, which produces it, is skipped ({reason})";
        if (planned.step is not null && planned.position > index)
            return $"{prefix}, which {planned.step.Target.Name} produces only after it: make {consumer.Name} depend on {planned.step.Target.Name}";
        var producers = targets.All.Where(target => target.Definition.ProducedTypes.Contains(type)).Select(target => target.Name).ToArray();
        return producers.Length == 0
            ? $"{prefix}, which no target of the build produces"
            : $"{prefix}, which no planned target produces ({string.Join(", ", producers)} would: make {consumer.Name} depend on it)";
    }
}
