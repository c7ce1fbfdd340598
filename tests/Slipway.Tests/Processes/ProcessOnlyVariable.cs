using System.Runtime.CompilerServices;

namespace Slipway.Tests.Processes;

/// <summary>A variable only this test process has, for <see cref="ToolTests"/> to catch a child that inherits it.
/// Set when the assembly loads, before any test starts: a variable set while tests run would change the environment
/// of the processes other tests start at that moment (build.sh keys its build server by the environment).</summary>
internal static class ProcessOnlyVariable
{
    public const string Name = "SLIPWAY_PROCESS_ONLY";

    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable(Name, "leaked");
}
