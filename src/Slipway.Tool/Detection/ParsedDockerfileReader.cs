using System.Text.RegularExpressions;
using Slipway.Containers.Dockerfiles;

namespace Slipway.Tool.Detection;

/// <summary>Setup's view of a Dockerfile, read with the same parser the builds use (Slipway.Containers' <see
/// cref="Dockerfile"/>), so setup and build agree on stages, bases, build arguments and <c>--from</c> copies.</summary>
internal sealed partial class ParsedDockerfileReader : IDockerfileReader
{
    public DockerfileSummary Read(string path, string text)
    {
        var dockerfile = Dockerfile.Parse(text, path);
        var arguments = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var arg in dockerfile.GlobalArgs.Concat(dockerfile.Stages.SelectMany(dockerfile.ArgsOf)))
            if (arg.Default is not null || !arguments.ContainsKey(arg.Name))
                arguments[arg.Name] = arg.Default;
        var stages = dockerfile.Stages.Select(stage => new Detection.DockerfileStage(
            stage.Index,
            stage.Name,
            stage.Base,
            dockerfile.BaseArgumentsOf(stage).FirstOrDefault(argument => argument.IsWholeReference && argument.Stage == stage.Label)?.Name,
            Dockerfile.CopiedFrom(stage),
            stage.Instructions.Any(instruction => instruction.Keyword != "ARG"))).ToArray();
        var venv = dockerfile.Stages.SelectMany(stage => stage.Instructions)
            .Where(instruction => instruction.Keyword is "RUN" or "ENV")
            .Select(instruction => VenvCreation().Match(instruction.Arguments))
            .FirstOrDefault(match => match.Success)?.Groups["path"].Value;
        return new DockerfileSummary(path, stages, arguments, venv);
    }

    [GeneratedRegex(@"(?:-m\s+venv(?:\s+--?[\w-]+)*|uv\s+venv|VIRTUAL_ENV=)\s*(?<path>/[^\s;&]+)")]
    private static partial Regex VenvCreation();
}
