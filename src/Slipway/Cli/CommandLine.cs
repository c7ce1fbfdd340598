using Slipway.Execution;
using Slipway.Output;
using Slipway.Parameters;
using Slipway.Planning;

namespace Slipway.Cli;

/// <summary>The parsed arguments: target names, the engine's options by name, and the build's parameters as typed.</summary>
internal sealed record CommandLine(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Options,
    IReadOnlyList<ParameterArgument> Parameters)
{
    public bool Has(string option) => Options.ContainsKey(option);

    public IReadOnlyList<string> Values(string option) => Options.GetValueOrDefault(option) ?? [];

    public bool Help => Has(BuiltInOptions.Help);

    public bool Plan => Has(BuiltInOptions.Plan);

    public bool NoLogo => Has(BuiltInOptions.NoLogo);

    public string? Root => Values(BuiltInOptions.Root).FirstOrDefault();

    public IReadOnlyList<string> Profiles => Values(BuiltInOptions.Profile);

    public Verbosity Verbosity =>
        Values(BuiltInOptions.Verbosity).FirstOrDefault() is { } text ? VerbosityNames.Parse(text, "--verbosity") : Verbosity.Normal;

    public SkipRequest Skip => Has(BuiltInOptions.Skip)
        ? new SkipRequest(Values(BuiltInOptions.Skip).Count == 0, Values(BuiltInOptions.Skip))
        : SkipRequest.None;

    public ForceRequest Force => Has(BuiltInOptions.Force)
        ? new ForceRequest(Values(BuiltInOptions.Force).Count == 0, Values(BuiltInOptions.Force))
        : ForceRequest.None;
}
