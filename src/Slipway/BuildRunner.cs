using Slipway.Cli;
using Slipway.Execution;
using Slipway.Output;
using Slipway.Parameters;
using Slipway.Targets;

namespace Slipway;

/// <summary>One run of a build, from arguments to exit code: parse, find the root, resolve parameters, set up output,
/// collect targets, then help, plan or execute. Reads only the <see cref="Invocation"/>, so a test can run a build
/// in-process with its own arguments, environment and root. Every failure before or around the targets is one red
/// <c>error: …</c> line and exit code 1; the stack trace only with <c>--verbosity verbose</c>.</summary>
public static class BuildRunner
{
    /// <summary>The first mode that applies runs; a new built-in command (e.g. CI configuration) is a new mode here.</summary>
    private static readonly IReadOnlyList<IRunMode> Modes = [new HelpMode(), new GenerateConfigurationMode(), new PlanMode(), new ExecuteMode()];

    public static async Task<BuildResult> RunAsync(SlipwayBuild build, Invocation invocation, Func<SlipwayBuild, Target> defaultTarget)
    {
        var secrets = new SecretValues();
        var console = new SecretMaskingWriter(invocation.Output, secrets);
        var ansi = new Ansi(invocation.OutputIsTerminal);
        try
        {
            return await RunAsync(build, invocation, defaultTarget, secrets, console, ansi);
        }
        catch (Exception exception)
        {
            WriteError(console, ansi, exception, AsksForVerbose(invocation.Arguments));
            return new BuildResult(1, []);
        }
        finally
        {
            console.Flush();
        }
    }

    private static async Task<BuildResult> RunAsync(
        SlipwayBuild build, Invocation invocation, Func<SlipwayBuild, Target> defaultTarget,
        SecretValues secrets, TextWriter console, Ansi ansi)
    {
        var commandLine = CommandLineParser.Parse(invocation.Arguments);
        var root = BuildRoot.Find(commandLine.Root, invocation.WorkingDirectory);
        var files = ParameterFiles.Load(root, commandLine.Profiles);
        commandLine = OptionsFromFiles.Apply(commandLine, files);

        var builtInNames = BuiltInOptions.All.Select(option => option.Name).ToArray();
        var declarations = ParameterDeclarations.Collect(build.GetType(), builtInNames);
        var resolver = new ParameterResolver(declarations, root, secrets)
        {
            BuiltInNames = builtInNames,
            BuiltInFileKeys = BuiltInOptions.All.Select(option => option.FileKey).OfType<string>().ToArray(),
        };
        // Generated CI files depend on the repository alone, never on the environment of the machine generating them.
        var environment = commandLine.Has(BuiltInOptions.GenerateConfiguration)
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : invocation.Environment;
        var parameters = resolver.Resolve(commandLine.Parameters, environment, files);
        ParameterAssignment.Apply(build, parameters);

        var mode = Modes.First(candidate => candidate.AppliesTo(commandLine));
        var gitHubActions = Ci.GitHubActionsEnvironment.From(invocation.Environment).IsGitHubActions;
        var logFile = mode.WritesBuildLog ? Paths.BuildFolders.TemporaryDirectoryOf(root) / "build.log" : null;
        using var logging = new BuildLogging(console, secrets, commandLine.Verbosity, invocation.OutputIsTerminal, gitHubActions, logFile, invocation.TerminalWindow);
        var session = new RunState(invocation, root, parameters.ByMemberName, logging.Log, logging.Output)
        {
            Secrets = secrets, ParameterOrigins = parameters.OriginsByMemberName,
        };
        build.Session = session;
        ParameterReads.Check(build, parameters);
        RegisterSecretDefaults(build, parameters, secrets);
        foreach (var owner in secrets.TooShortToMask)
            logging.Log.Warning("The secret {Owner:l} is shorter than {Length} characters: it cannot be masked reliably (it is masked only where it stands alone)",
                owner, SecretValues.ReliableLength);

        var targets = TargetSet.Collect(build);
        using var values = new Targets.Values.BuildValues(invocation.Values, targets);
        session.Values = values;
        // The schema for editors is written beside the run, off the path to the first target.
        var schema = Task.Run(() => BuildSchema.WriteIfChanged(root, BuildSchema.Generate(declarations, targets.All.Select(target => target.Name))));
        var context = new RunContext(build, session, commandLine, targets, parameters, defaultTarget, console, ansi, logging.Output);
        try
        {
            return await mode.RunAsync(context);
        }
        finally
        {
            await schema;
        }
    }

    /// <summary>A secret's text from its default in code (or an interface fallback) is masked like one given by a user.
    /// Only text: a number's default (0) is no secret, and masking every "0" would garble the output.</summary>
    private static void RegisterSecretDefaults(SlipwayBuild build, ResolvedParameters parameters, SecretValues secrets)
    {
        foreach (var declaration in parameters.Declarations.Where(declaration => declaration.IsSecret && declaration.Type.Kind == ParameterKind.String))
        {
            try
            {
                switch (declaration.Read(build))
                {
                    case string text:
                        secrets.Add(text, declaration.Switch);
                        break;
                    case IEnumerable<string> items:
                        foreach (var item in items)
                            secrets.Add(item, declaration.Switch);
                        break;
                }
            }
            catch (Exception)
            {
                // A getter that cannot run yet has no value to mask; help reports it.
            }
        }
    }

    private static void WriteError(TextWriter console, Ansi ansi, Exception exception, bool verbose)
    {
        var message = exception is SlipwayException ? exception.Message : FailureMessage.Of(exception);
        var line = "error: " + message.ReplaceLineEndings(" ");
        console.WriteLine(ansi.Paint(line, Ansi.Red));
        if (verbose)
            console.WriteLine(exception.ToString());
    }

    private static bool AsksForVerbose(IReadOnlyList<string> arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Equals("--verbosity=verbose", StringComparison.OrdinalIgnoreCase) ||
                (arguments[i].Equals("--verbosity", StringComparison.OrdinalIgnoreCase) && i + 1 < arguments.Count &&
                 arguments[i + 1].Equals("verbose", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }
}
