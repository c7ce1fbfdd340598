using Slipway.Tool.Detection;
using Slipway.Tool.Setup;

namespace Slipway.Tool.Cli;

/// <summary>The command line of <c>slipway</c>: a command (<c>setup</c>), its options, or <c>--help</c>/<c>--version</c>.</summary>
internal sealed record ToolArguments(string Command, LayoutChoices Choices, bool Force)
{
    public const string Help = "help";
    public const string Version = "version";
    public const string Setup = "setup";

    public static ToolArguments Parse(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0 || arguments[0] is "--help" or "-h" or "help")
            return new ToolArguments(Help, new LayoutChoices(), false);
        if (arguments[0] is "--version")
            return new ToolArguments(Version, new LayoutChoices(), false);
        if (arguments[0] is not (Setup or ":setup"))
            throw new SetupException($"unknown command '{arguments[0]}'; the commands are: setup (slipway --help)");
        var choices = new LayoutChoices();
        var force = false;
        for (var i = 1; i < arguments.Count; i++)
        {
            var (name, inlineValue) = SplitOption(arguments[i]);
            string Value()
            {
                if (inlineValue is not null)
                    return inlineValue.Length > 0 ? inlineValue : throw new SetupException($"{name} needs a value");
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new SetupException($"{name} needs a value");
                return arguments[++i];
            }
            switch (name)
            {
                case "--force":
                    force = inlineValue is null ? true : throw new SetupException("--force takes no value");
                    break;
                case "--builder-dockerfile":
                    choices = choices with { BuilderDockerfile = Value() };
                    break;
                case "--app-dockerfile":
                    choices = choices with { AppDockerfile = Value() };
                    break;
                case "--service":
                    choices = choices with { Service = Value() };
                    break;
                case "--image-name":
                    choices = choices with { ImageName = ImageName(Value()) };
                    break;
                case "--help" or "-h":
                    return new ToolArguments(Help, choices, force);
                default:
                    throw new SetupException($"unknown option '{arguments[i]}' for setup; the options are: {string.Join(", ", Options)}");
            }
        }
        return new ToolArguments(Setup, choices, force);
    }

    public static readonly string[] Options = ["--builder-dockerfile", "--app-dockerfile", "--service", "--image-name", "--force"];

    private static (string Name, string? Value) SplitOption(string argument)
    {
        var equals = argument.IndexOf('=');
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static string ImageName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, @"^([a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$")
            ? name
            : throw new SetupException($"--image-name '{name}' is not an image name: lower case letters, digits and . _ - separated by /, no tag");
}
