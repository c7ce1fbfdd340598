namespace Slipway.Cli;

/// <summary>The engine's own options. To add one (e.g. <c>--generate-configuration</c>): add it here, read it with
/// <see cref="CommandLine.Has"/>/<see cref="CommandLine.Values"/>, and handle it in a <see cref="IRunMode"/>.</summary>
internal static class BuiltInOptions
{
    public const string Target = "target";
    public const string Skip = "skip";
    public const string Force = "force";
    public const string Plan = "plan";
    public const string Help = "help";
    public const string Root = "root";
    public const string Verbosity = "verbosity";
    public const string Profile = "profile";
    public const string NoLogo = "no-logo";
    public const string GenerateConfiguration = "generate-configuration";
    public const string NoWait = "no-wait";

    public static IReadOnlyList<BuiltInOption> All { get; } =
    [
        new(Target, OptionArity.Many, "<name...>", "Targets to run (the same as naming them first)", FileKey: "Target"),
        new(Skip, OptionArity.AnyNumber, "[name...]", "Skip these targets; alone, skip all but the invoked ones", FileKey: "Skip"),
        new(Force, OptionArity.AnyNumber, "[name...]", "Run these targets even when their inputs are up to date; alone, every target"),
        new(Plan, OptionArity.None, null, $"Show what would run, in order and why; draw it in {Paths.BuildFolders.Temporary}/plan.html"),
        new(Help, OptionArity.None, null, "Show this help", Alias: "-h"),
        new(Root, OptionArity.One, "<dir>", "The directory holding .nuke/ (default: the nearest one above the working directory)"),
        new(Verbosity, OptionArity.One, "<level>", "How much to print: quiet, minimal, normal (default) or verbose", FileKey: "Verbosity"),
        new(Profile, OptionArity.Many, "<name...>", "Also read .nuke/parameters.<name>.json (later profiles win)"),
        new(NoLogo, OptionArity.None, null, "Do not print the logo", FileKey: "NoLogo"),
        new(GenerateConfiguration, OptionArity.None, null, "Write .github/workflows/<name>.yml for each [GitHubActions] attribute; run no target"),
        new(NoWait, OptionArity.None, null, "Fail at once when another build runs in this checkout, instead of waiting for it"),
    ];

    public static BuiltInOption? Find(string name) =>
        All.FirstOrDefault(option => Parameters.ParameterName.Equal(option.Name, name));

    public static BuiltInOption? FindAlias(string token) => All.FirstOrDefault(option => option.Alias == token);
}
