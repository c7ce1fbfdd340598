using System.Text.Json;
using Serilog;
using Slipway.Containers.Components;
using Slipway.Containers.Engine;
using Slipway.Containers.Platforms;
using Slipway.Targets.Incremental;

namespace Slipway.Containers.Verification;

/// <summary>VerifyArch's work: for every image this run built or found, check what is in it, not only its metadata:
/// the config's platform, the ELF machine of the venv's files, and for app images no compilers, a non-root user and
/// the service's self-check.</summary>
internal sealed class ArchitectureVerifier(Func<Platform, ContainerEngine> engineFor, IReadOnlyList<string> selfCheckCommand, string venvPath, ILogger log)
{
    private static readonly IReadOnlyList<string> Compilers = ["gcc", "cc", "g++", "rustc", "cargo"];

    /// <summary>What a verification depends on: each image by ID (an ID is a digest of the image's content), the
    /// self-check command, the venv folder and this verifier's own build. A run that passed is not repeated for them.</summary>
    public static InputSetBuilder DeclareInputs(
        InputSetBuilder inputs, IEnumerable<ImageRecord> images, IReadOnlyList<string> selfCheckCommand, string venvPath)
    {
        foreach (var image in images)
            inputs.Value($"{image.Role} image {image.Reference} ({image.Platform})", image.ImageId);
        inputs.Value("self-check command", JsonSerializer.Serialize(selfCheckCommand));
        inputs.Value("venv path", venvPath);
        inputs.Value("verifier build", typeof(ArchitectureVerifier).Assembly.ManifestModule.ModuleVersionId.ToString());
        return inputs;
    }

    public async Task VerifyAllAsync(IReadOnlyList<ImageRecord> images, CancellationToken cancellation)
    {
        var problems = new List<string>();
        foreach (var image in images)
        {
            var found = await VerifyAsync(image, cancellation);
            foreach (var problem in found)
                log.Error("{Reference} ({Platform}): {Problem}", image.Reference, image.Platform, problem);
            if (found.Count == 0)
                log.Information("{Reference} ({Platform}): verified", image.Reference, image.Platform);
            problems.AddRange(found.Select(problem => $"{image.Reference} ({image.Platform}): {problem}"));
        }
        if (problems.Count > 0)
            throw new SlipwayException(string.Join("; ", problems));
    }

    public async Task<IReadOnlyList<string>> VerifyAsync(ImageRecord image, CancellationToken cancellation)
    {
        var details = await engineFor(image.Platform).InspectImageAsync(image.ImageId, cancellation)
                      ?? throw new SlipwayException($"image {image.Reference} is no longer in the engine");
        var actual = details.Platform;
        if (actual != image.Platform)
            return [$"the image config says {actual}, {image.Platform} was requested"];
        var problems = new List<string>();
        problems.AddRange(await ForeignSharedObjectsAsync(image, cancellation));
        if (image.Role == ImageRole.App)
        {
            problems.AddRange(await CompilersAsync(image, cancellation));
            problems.AddRange(await RootUserAsync(image, details, cancellation));
            problems.AddRange(await SelfCheckAsync(image, cancellation));
        }
        return problems;
    }

    private async Task<IEnumerable<string>> ForeignSharedObjectsAsync(ImageRecord image, CancellationToken cancellation)
    {
        var result = await new VenvArchitectureCheck(image.Platform)
            .CheckImageAsync(engineFor(image.Platform), image.ImageId, venvPath, cancellation);
        log.Information("{Reference} ({Platform}): {Result}", image.Reference, image.Platform, result.Describe());
        return result.ForeignBinaries.Select(binary => binary.ToString());
    }

    private async Task<IEnumerable<string>> CompilersAsync(ImageRecord image, CancellationToken cancellation)
    {
        var script = string.Join("; ", Compilers.Select(compiler => $"command -v {compiler}")) + "; true";
        var run = await engineFor(image.Platform).RunAsync(new ContainerRun(image.ImageId, ["-c", script])
            { Entrypoint = ["/bin/sh"], Platform = image.Platform, User = "0" }, cancellation);
        var found = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return found.Length > 0 ? [$"the app image contains compilers: {string.Join(", ", found)}"] : [];
    }

    private async Task<IEnumerable<string>> RootUserAsync(ImageRecord image, ImageDetails details, CancellationToken cancellation)
    {
        if (details.User is "" or "root" or "0" or "0:0" or "root:root")
            return [$"the app image runs as root (USER is '{details.User}')"];
        var run = await engineFor(image.Platform).RunAsync(new ContainerRun(image.ImageId, ["-u"]) { Entrypoint = ["id"], Platform = image.Platform }, cancellation);
        return run.StandardOutput.Trim() == "0" ? ["the app image's user has UID 0"] : [];
    }

    private async Task<IEnumerable<string>> SelfCheckAsync(ImageRecord image, CancellationToken cancellation)
    {
        var command = selfCheckCommand;
        var run = await engineFor(image.Platform).RunAsync(new ContainerRun(image.ImageId, command.Skip(1).ToArray())
            { Entrypoint = [command[0]], Platform = image.Platform }, cancellation);
        if (!run.Succeeded)
            return [$"the self-check `{string.Join(' ', command)}` exited {run.ExitCode}: {LastLine(run.StandardError + run.StandardOutput)}"];
        var expected = MachineNames.Of(image.Platform.Architecture);
        var machine = MachineOf(run.StandardOutput);
        return machine == expected ? [] : [$"the self-check reports machine '{machine}', expected '{expected}'"];
    }

    private static string? MachineOf(string output)
    {
        var json = output.Split('\n').LastOrDefault(line => line.TrimStart().StartsWith('{'));
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            return document.RootElement.TryGetProperty("machine", out var machine) ? machine.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}
