namespace Slipway.Targets;

/// <summary>A target as a build class declares it: <c>Target Compile => _ => _.DependsOn(Restore).Executes(...)</c>.</summary>
public delegate ITargetDefinition Target(ITargetDefinition definition);
