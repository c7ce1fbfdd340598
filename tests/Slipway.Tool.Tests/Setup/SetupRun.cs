using Slipway.Tool.Detection;
using Slipway.Tool.Tests.Support;

namespace Slipway.Tool.Tests.Setup;

/// <summary>Runs the slipway command in-process, as <c>slipway &lt;args&gt;</c> in a repository without a terminal.</summary>
internal static class SetupRun
{
    public const string Version = "1.2.3";

    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Slipway(TempRepository repository, string version, params string[] args) =>
        Slipway(repository.Root, version, new NoTerminalPrompt(), args);

    public static Outcome Slipway(string directory, string version, IChoicePrompt prompt, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = Program.Run(args, directory, version, prompt, output, error);
        return new Outcome(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The files setup writes that are not the bootstrap scripts, one after another under a header each, and
    /// the report, with the temp root replaced by &lt;root&gt;: the text a snapshot holds.</summary>
    public static string Written(TempRepository repository, Outcome outcome)
    {
        var text = new System.Text.StringBuilder();
        text.Append("==== slipway setup (exit ").Append(outcome.ExitCode).Append(")\n")
            .Append(outcome.Output.Replace(repository.Root, "<root>")).Append(outcome.Error);
        foreach (var file in new[] { "build/_build.csproj", "build/Build.cs", ".nuke/parameters.json", "global.json", ".gitignore", ".dockerignore" })
            text.Append("==== ").Append(file).Append('\n').Append(repository.Exists(file) ? repository.Read(file) : "(none)\n");
        return text.ToString();
    }
}
