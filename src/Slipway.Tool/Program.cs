using Slipway.Tool.Cli;
using Slipway.Tool.Detection;
using Slipway.Tool.Setup;

namespace Slipway.Tool;

/// <summary>The <c>slipway</c> command.</summary>
public static class Program
{
    public static int Main(string[] args) =>
        Run(args, Environment.CurrentDirectory, ToolVersion.Current, TerminalPrompt.ForConsole(), Console.Out, Console.Error);

    internal static int Run(
        IReadOnlyList<string> args, string workingDirectory, string version, IChoicePrompt prompt, TextWriter output, TextWriter error)
    {
        try
        {
            var arguments = ToolArguments.Parse(args);
            switch (arguments.Command)
            {
                case ToolArguments.Help:
                    output.WriteLine(ToolHelp.Text(version));
                    return 0;
                case ToolArguments.Version:
                    output.WriteLine(version);
                    return 0;
            }
            var options = new SetupOptions(workingDirectory, version, arguments.Choices, arguments.Force);
            var result = new SetupCommand(new ParsedDockerfileReader(), prompt).Run(options);
            SetupReport.Write(result, version, output);
            return 0;
        }
        catch (SetupException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
        catch (Exception exception) when (exception is SlipwayException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 1;
        }
    }
}
