using Slipway.Tool.Setup;

namespace Slipway.Tool.Detection;

/// <summary>Without a terminal nobody can answer: one line that names the candidates and the option that picks one.</summary>
internal sealed class NoTerminalPrompt : IChoicePrompt
{
    public string Choose(string question, string option, IReadOnlyList<string> candidates) =>
        throw new SetupException(
            $"cannot tell which is {question}: {string.Join(", ", candidates)}; pick one with {option}");
}
