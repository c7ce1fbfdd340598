using System.Text;
using Slipway.Ci;
using Slipway.Execution;

namespace Slipway.Cli;

/// <summary><c>--generate-configuration</c>: writes <c>.github/workflows/&lt;name&gt;.yml</c> for each
/// <see cref="GitHubActionsAttribute"/> of the build class, in this process (no child build). Files whose text is
/// unchanged are not touched; no other file is removed. Runs no target; exits 0.</summary>
internal sealed class GenerateConfigurationMode : IRunMode
{
    public bool AppliesTo(CommandLine commandLine) => commandLine.Has(BuiltInOptions.GenerateConfiguration);

    public bool WritesBuildLog => false;

    public Task<BuildResult> RunAsync(RunContext context)
    {
        var root = context.Session.Root;
        var files = WorkflowGenerator.Generate(context.Build, context.Targets, context.Parameters.Declarations);
        foreach (var file in files)
        {
            var path = root / file.RelativePath;
            var unchanged = path.FileExists && File.ReadAllText(path) == file.Content;
            if (!unchanged)
            {
                Directory.CreateDirectory(path.Parent);
                File.WriteAllText(path, file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            context.Console.WriteLine($"{(unchanged ? "unchanged" : "wrote    ")} {file.RelativePath}");
        }
        context.Console.Flush();
        return Task.FromResult(new BuildResult(0, []));
    }
}
