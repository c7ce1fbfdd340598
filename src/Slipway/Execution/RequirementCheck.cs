using Slipway.Planning;

namespace Slipway.Execution;

/// <summary>Fails fast, before anything runs, listing every requirement of the plan's targets that is not met.</summary>
internal static class RequirementCheck
{
    public static void ThrowIfUnmet(Plan plan)
    {
        var unmet = plan.Steps
            .Where(step => step.SkipReason is null)
            .SelectMany(step => step.Target.Definition.Requirements
                .Where(requirement => !requirement.IsMet())
                .Select(requirement => requirement.IsParameter
                    ? $"target {step.Target.Name} requires parameter {requirement.Text}"
                    : $"target {step.Target.Name} requires {requirement.Text}"))
            .ToArray();
        if (unmet.Length > 0)
            throw new SlipwayException(string.Join("; ", unmet));
    }
}
