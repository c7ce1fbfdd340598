using Slipway.Tool.Setup;

namespace Slipway.Tool.Detection;

/// <summary>Asks on the terminal: the candidates numbered, the answer a number (empty or anything else fails).</summary>
internal sealed class TerminalPrompt(TextReader input, TextWriter output) : IChoicePrompt
{
    /// <summary>The terminal prompt when standard input is a terminal, otherwise the one that fails with the options.</summary>
    public static IChoicePrompt ForConsole() =>
        Console.IsInputRedirected ? new NoTerminalPrompt() : new TerminalPrompt(Console.In, Console.Out);

    public string Choose(string question, string option, IReadOnlyList<string> candidates)
    {
        output.WriteLine($"Which is {question}?");
        for (var i = 0; i < candidates.Count; i++)
            output.WriteLine($"  {i + 1}) {candidates[i]}");
        output.Write($"Number (1-{candidates.Count}): ");
        var answer = input.ReadLine()?.Trim();
        if (int.TryParse(answer, out var number) && number >= 1 && number <= candidates.Count)
            return candidates[number - 1];
        throw new SetupException(
            $"no choice of {question} ('{answer}'); answer 1-{candidates.Count}, or pick one with {option}");
    }
}
