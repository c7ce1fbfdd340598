using Slipway.Targets;
using Slipway.Targets.Incremental;
using Slipway.Targets.Values;

namespace Slipway.Execution;

/// <summary>For targets that declare inputs: computes the input hash, asks whether the output for it exists, names the
/// inputs that changed since the previous run, and records the inputs of a successful run under .nuke/temp/inputs.</summary>
internal sealed class IncrementalCheck(RunState session)
{
    public sealed record Outcome(InputSet Inputs, bool UpToDate);

    public async Task<Outcome?> BeforeAsync(ExecutableTarget target, bool forced, ValuePublisher publish, CancellationToken cancellation)
    {
        var definition = target.Definition;
        if (definition.InputDeclaration is null)
            return null;
        var inputs = definition.InputDeclaration(new InputSetBuilder(session.Root)).Build();
        if (forced)
        {
            session.Log.Information("{Target} runs: forced by --force (inputs {Hash})", target.Name, inputs.Hash12);
            return new Outcome(inputs, false);
        }
        var recorded = ReadRecord(target);
        var upToDate = definition.OutputExists is not null
            ? await definition.OutputExists(inputs, publish, cancellation)
            : recorded?.Hash == inputs.Hash;
        if (upToDate)
        {
            session.Log.Information("{Target} is up to date (inputs {Hash})", target.Name, inputs.Hash12);
            return new Outcome(inputs, true);
        }
        var previous = definition.PreviousInputs is not null ? await definition.PreviousInputs(inputs, cancellation) : recorded;
        if (previous is null)
            session.Log.Information("{Target} runs: no record of a previous run (inputs {Hash})", target.Name, inputs.Hash12);
        else if (inputs.ChangedSince(previous) is { Count: > 0 } changed)
            session.Log.Information("{Target} runs: inputs changed since the previous run: {Changed}", target.Name, string.Join(", ", changed));
        else
            session.Log.Information("{Target} runs: inputs unchanged (inputs {Hash}), but what the previous run made is gone",
                target.Name, inputs.Hash12);
        return new Outcome(inputs, false);
    }

    public void Record(ExecutableTarget target, InputSet inputs)
    {
        var file = RecordFile(target);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        Paths.AtomicFile.WriteAllText(file, inputs.ToJson());
    }

    private InputSet? ReadRecord(ExecutableTarget target)
    {
        var file = RecordFile(target);
        return File.Exists(file) ? InputSet.FromJson(File.ReadAllText(file)) : null;
    }

    private string RecordFile(ExecutableTarget target) =>
        Paths.BuildFolders.TemporaryDirectoryOf(session.Root) / "inputs" / (target.Name + ".json");
}
