using Serilog;
using Slipway.Output;
using Slipway.Paths;

namespace Slipway.Execution;

/// <summary>The state of one run, shared by the engine's parts: invocation, root, resolved parameters, logger, output.</summary>
internal sealed class RunState(
    Invocation invocation,
    AbsolutePath root,
    IReadOnlyDictionary<string, object?> parameterValues,
    ILogger log,
    IBuildOutput output)
{
    public Invocation Invocation { get; } = invocation;

    public AbsolutePath Root { get; } = root;

    /// <summary>Resolved parameter values by member name (only those some source set).</summary>
    public IReadOnlyDictionary<string, object?> ParameterValues { get; } = parameterValues;

    /// <summary>Which source set each of <see cref="ParameterValues"/>, by member name.</summary>
    public IReadOnlyDictionary<string, string> ParameterOrigins { get; init; } = new Dictionary<string, string>();

    public ILogger Log { get; } = log;

    public IBuildOutput Output { get; } = output;

    /// <summary>The values every output masks; targets add those they read themselves (<see cref="ISlipwayBuild.MaskSecret"/>).</summary>
    public Parameters.SecretValues Secrets { get; init; } = new();

    /// <summary>The values targets hand on in this run; set once the targets are collected.</summary>
    public Targets.Values.BuildValues Values
    {
        get => _values ?? throw new InvalidOperationException("the targets have not been collected yet");
        set => _values = value;
    }

    private Targets.Values.BuildValues? _values;

    /// <summary>The target that runs now (values are read on its behalf), null between targets.</summary>
    public Targets.ExecutableTarget? CurrentTarget { get; set; }

    /// <summary>Set by the executor while a target runs; <see cref="ISlipwayBuild.Note"/> writes here.</summary>
    public string? CurrentNote { get; set; }

    /// <summary>Set by the executor while a target runs; <see cref="ISlipwayBuild.IsForced"/> reads it.</summary>
    public bool CurrentTargetForced { get; set; }
}
