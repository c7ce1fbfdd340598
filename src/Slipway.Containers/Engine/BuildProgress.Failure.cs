using System.Text.RegularExpressions;

namespace Slipway.Containers.Engine;

public sealed partial class BuildProgress
{
    /// <summary>
    /// Why the build of <paramref name="what"/> failed, as one exception naming the failing step and its last lines;
    /// null when it succeeded. Call once the engine's output has ended: the engine reports failures as lines. Reports
    /// <see cref="Slipway.Output.Progress.BuildFinished"/>.
    /// </summary>
    public SlipwayException? Failure(string what)
    {
        BuildEnded();
        var failed = _steps.FirstOrDefault(step => step.Error is { } error && !IsCancellation(error))
                     ?? _steps.FirstOrDefault(step => step.Error is not null);
        if (failed is not null && failed.Name.StartsWith(LoadMetadata, StringComparison.Ordinal))
            return new SlipwayException(
                $"build of {what} failed: base image {failed.Name[LoadMetadata.Length..]} is not in the local engine and could not be pulled: {failed.Error}");
        if (failed is not null)
            return new SlipwayException($"build of {what} failed at step `{failed.Instruction}`: {Summary(failed.Error!)}{Tail(failed.LastLines)}");
        if (Error is { } error)
        {
            var running = _classic.CurrentStep
                          ?? _steps.LastOrDefault(step => step.IsInstruction && step.Started is not null && step.Completed is null)?.Instruction;
            return running is null
                ? new SlipwayException($"build of {what} failed: {error}")
                : new SlipwayException($"build of {what} failed at step `{running}`: {Summary(error)}{Tail(_classic.LastLines)}");
        }
        return ImageId is null
            ? new SlipwayException($"build of {what} ended without an image ID: the engine's output stopped early")
            : null;
    }

    private const string LoadMetadata = "[internal] load metadata for ";

    /// <summary>"...: exit code: 1" (BuildKit) or "... returned a non-zero code: 1" (classic) → "exit code 1"; other errors stay.</summary>
    private static string Summary(string error) =>
        ExitCode().Match(error) is { Success: true } exit ? $"exit code {exit.Groups["code"].Value}" : error.Trim();

    private static string Tail(IReadOnlyList<string> lines) =>
        lines.Count == 0 ? "" : "\n  last lines:\n  " + string.Join("\n  ", lines.Select(line => line.TrimEnd()));

    [GeneratedRegex(@"(?:exit code:?|non-zero code:) (?<code>\d+)\s*$")]
    private static partial Regex ExitCode();
}
