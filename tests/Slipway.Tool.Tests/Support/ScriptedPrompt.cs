using Slipway.Tool.Detection;

namespace Slipway.Tool.Tests.Support;

/// <summary>A prompt that answers with the candidate at a given position and records what it was asked.</summary>
internal sealed class ScriptedPrompt(int answer = 0) : IChoicePrompt
{
    public List<(string Question, string Option, IReadOnlyList<string> Candidates)> Asked { get; } = [];

    public string Choose(string question, string option, IReadOnlyList<string> candidates)
    {
        Asked.Add((question, option, candidates));
        return candidates[answer];
    }
}
