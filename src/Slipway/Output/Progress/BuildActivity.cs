namespace Slipway.Output.Progress;

/// <summary>An image build on the board: its running steps (finished ones leave).</summary>
internal sealed class BuildActivity(string build, DateTimeOffset started)
{
    private readonly List<StepRow> _steps = [];

    public string Build { get; } = build;

    public void Apply(ProgressEvent progress, DateTimeOffset now)
    {
        switch (progress)
        {
            case StepStarted started when _steps.All(step => step.Step != started.Step):
                _steps.Add(new StepRow(started.Step, PrintableText.Of(started.Name), started.Emulated, now, null));
                break;
            case StepLogged logged when IndexOf(logged.Step) is var index and >= 0 && PrintableText.Of(logged.Line) is { Length: > 0 } line:
                _steps[index] = _steps[index] with { LastLine = line };
                break;
            case StepFinished finished when IndexOf(finished.Step) is var index and >= 0:
                _steps.RemoveAt(index);
                break;
        }
    }

    public BuildRow ToRow() => new(Build, started, [.. _steps]);

    private int IndexOf(string step) => _steps.FindIndex(row => row.Step == step);
}
