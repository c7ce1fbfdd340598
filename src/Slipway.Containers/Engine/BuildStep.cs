using System.Text;

namespace Slipway.Containers.Engine;

/// <summary>
/// One step of a build as BuildKit reports it (a vertex): <c>[2/5] RUN pip install ...</c>, numbered in the order the
/// engine first mentions it, with its timing, cache hit, error and last lines of output.
/// </summary>
public sealed class BuildStep
{
    /// <summary>How many output lines a step keeps for the failure message.</summary>
    public const int KeptLines = 20;

    private readonly Queue<string> _lastLines = new();
    private readonly StringBuilder _partialLine = new();
    private bool _carriageReturn;

    internal BuildStep(int number, string digest)
    {
        Number = number;
        Digest = digest;
    }

    public int Number { get; }

    public string Digest { get; }

    /// <summary>BuildKit's name: <c>[stage 2/5] RUN ...</c> for Dockerfile instructions, <c>[internal] ...</c> for its own work.</summary>
    public string Name { get; internal set; } = "";

    /// <summary>The Dockerfile instruction without the <c>[stage n/m]</c> prefix (<c>RUN pip install ...</c>).</summary>
    public string Instruction
    {
        get
        {
            var close = Name.IndexOf("] ", StringComparison.Ordinal);
            return IsInstruction && close > 0 ? Name[(close + 2)..] : Name;
        }
    }

    /// <summary>A line of the Dockerfile rather than BuildKit's bookkeeping (loading the context, exporting).</summary>
    public bool IsInstruction => Name.StartsWith('[') && !Name.StartsWith("[internal]", StringComparison.Ordinal);

    public bool Cached { get; internal set; }

    public DateTimeOffset? Started { get; internal set; }

    public DateTimeOffset? Completed { get; internal set; }

    public string? Error { get; internal set; }

    public TimeSpan? Duration => Started is { } started && Completed is { } completed ? completed - started : null;

    /// <summary>The last <see cref="KeptLines"/> lines the step printed, a trailing unfinished line included.</summary>
    public IReadOnlyList<string> LastLines =>
        _partialLine.Length > 0 ? [.. _lastLines.Skip(_lastLines.Count == KeptLines ? 1 : 0), _partialLine.ToString()] : [.. _lastLines];

    internal bool Announced { get; set; }

    internal bool Finished { get; set; }

    /// <summary>Adds a chunk of output; returns the lines it completed. A carriage return restarts the line (progress bars).</summary>
    internal IReadOnlyList<string> AddOutput(string chunk)
    {
        var completed = new List<string>();
        foreach (var c in chunk)
        {
            if (_carriageReturn && c != '\n')
                _partialLine.Clear(); // "\r" alone: the line is redrawn, keep only what follows
            _carriageReturn = c == '\r';
            if (c == '\n')
            {
                var line = _partialLine.ToString();
                _partialLine.Clear();
                completed.Add(line);
                _lastLines.Enqueue(line);
                if (_lastLines.Count > KeptLines)
                    _lastLines.Dequeue();
            }
            else if (c != '\r')
                _partialLine.Append(c);
        }
        return completed;
    }

    public override string ToString() => $"#{Number} {Name}";
}
