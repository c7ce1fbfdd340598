namespace Slipway.Targets.Values;

/// <summary>What a target that produces a value must declare so that every way it finishes hands the value on: one
/// that can be up to date returns its existing output from <c>UpToDateWhen&lt;T&gt;</c>.</summary>
internal static class ProducedValueRules
{
    public static void ThrowIfBroken(string target, TargetDefinition definition)
    {
        var produced = definition.ProducedTypes;
        if (definition.UpToDateValueType is { } existing && !produced.Contains(existing))
            throw new SlipwayException($"target {target} returns an existing {existing.Name} from UpToDateWhen but does not declare Produces<{existing.Name}>");
        if (produced.Count == 0 || definition.InputDeclaration is null)
            return;
        if (produced.Count > 1 || definition.UpToDateValueType is null)
            throw new SlipwayException(
                $"target {target} produces {string.Join(", ", produced.Select(type => type.Name))} and declares inputs: an up-to-date run " +
                $"must still hand its value on, so declare .UpToDateWhen<{produced[0].Name}>(...) returning the existing one (one value per such target)");
    }
}
