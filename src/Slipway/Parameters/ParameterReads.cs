using System.Reflection;

namespace Slipway.Parameters;

/// <summary>At startup, before any target runs: every parameter property that some source set is read once through its
/// getter, so a getter that reads the value as another type (<see cref="ParameterReadMismatch"/>) fails the run with
/// one line naming the member instead of silently using its fallback later. Other failures of a getter are left to
/// the code that reads it (help shows them).</summary>
internal static class ParameterReads
{
    public static void Check(object build, ResolvedParameters parameters)
    {
        foreach (var declaration in parameters.Declarations.Where(declaration => declaration.Member is PropertyInfo && parameters[declaration] is not null))
        {
            try
            {
                declaration.Read(build);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is ParameterReadMismatch mismatch)
            {
                throw new SlipwayException(
                    $"parameter {declaration.Name} ({declaration.Member.DeclaringType!.Name}.{declaration.MemberName}): {mismatch.Message}", mismatch);
            }
            catch (Exception exception) when (exception is not ParameterReadMismatch)
            {
                // Not a type mismatch: whatever the getter needs, it reports where it is used.
            }
        }
    }
}
