using System.Text.RegularExpressions;
using Serilog;

namespace Slipway.Containers.Engine;

/// <summary>
/// The classic (pre-BuildKit) builder's <c>{"stream": "..."}</c> text: <c>Step 2/5 : RUN ...</c> lines and the
/// commands' output, logged as it comes and remembered for the failure message.
/// </summary>
internal sealed partial class ClassicBuildOutput(ILogger log)
{
    private readonly BuildStep _lines = new(0, "classic");
    private readonly Queue<string> _tail = new();

    /// <summary>The instruction of the latest <c>Step n/m</c> line.</summary>
    public string? CurrentStep { get; private set; }

    /// <summary>The current step's last lines of output, without the builder's own bookkeeping lines.</summary>
    public IReadOnlyList<string> LastLines => [.. _tail];

    public void Read(string text)
    {
        foreach (var line in _lines.AddOutput(AnsiColour().Replace(text, "")))
        {
            if (line.Trim().Length == 0)
                continue;
            if (StepLine().Match(line) is { Success: true } step)
            {
                CurrentStep = step.Groups["instruction"].Value.Trim();
                _tail.Clear();
                log.Information("[step] {Line}", line.Trim());
                continue;
            }
            log.Debug("[step] {Line}", line.TrimEnd());
            if (IsBookkeeping(line))
                continue;
            _tail.Enqueue(line.TrimEnd());
            if (_tail.Count > BuildStep.KeptLines)
                _tail.Dequeue();
        }
    }

    /// <summary>The builder's own lines between a command's output: <c> ---&gt; 1a2b</c>, <c>Removing intermediate container</c>.</summary>
    private static bool IsBookkeeping(string line) =>
        line.StartsWith(" ---> ", StringComparison.Ordinal) || line.StartsWith("Removing intermediate container", StringComparison.Ordinal);

    [GeneratedRegex(@"^Step \d+/\d+ : (?<instruction>.*)$")]
    private static partial Regex StepLine();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiColour();
}
