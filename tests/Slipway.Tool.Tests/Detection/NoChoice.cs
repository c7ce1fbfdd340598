using Slipway.Tool.Detection;

namespace Slipway.Tool.Tests.Detection;

/// <summary>A prompt that fails the test when asked: the command line should have decided.</summary>
internal sealed class NoChoice : IChoicePrompt
{
    public string Choose(string question, string option, IReadOnlyList<string> candidates) =>
        throw new Xunit.Sdk.XunitException($"asked for {question} although {option} was given");
}
