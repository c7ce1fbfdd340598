namespace Slipway.Ci;

/// <summary>A value under a step's <c>with:</c>: text (quoted where YAML would read something else), a number, a flag,
/// or lines written as a literal block. Strings, integers and booleans convert implicitly:
/// <c>With = [("name", "${{ matrix.artifact }}"), ("retention-days", 1), ("merge-multiple", true)]</c>.</summary>
public sealed record WorkflowValue
{
    private WorkflowValue(WorkflowValueKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public WorkflowValueKind Kind { get; }

    /// <summary>The value as written; for <see cref="WorkflowValueKind.Lines"/> the lines joined by <c>\n</c>.</summary>
    public string Text { get; }

    public static WorkflowValue Of(string text) => new(WorkflowValueKind.Text, text);

    public static WorkflowValue Of(int number) =>
        new(WorkflowValueKind.Number, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static WorkflowValue Of(bool flag) => new(WorkflowValueKind.Flag, flag ? "true" : "false");

    public static WorkflowValue Lines(IEnumerable<string> lines) => new(WorkflowValueKind.Lines, string.Join("\n", lines));

    public static implicit operator WorkflowValue(string text) => Of(text);

    public static implicit operator WorkflowValue(int number) => Of(number);

    public static implicit operator WorkflowValue(bool flag) => Of(flag);
}
