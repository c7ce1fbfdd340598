namespace Slipway.Tool.Detection;

/// <summary>Decides between candidates setup cannot tell apart: asks on a terminal, fails without one.</summary>
internal interface IChoicePrompt
{
    /// <param name="question">What is chosen, e.g. "the builder Dockerfile".</param>
    /// <param name="option">The option that chooses it without asking, e.g. <c>--builder-dockerfile &lt;path&gt;</c>.</param>
    /// <param name="candidates">Two or more paths, sorted.</param>
    string Choose(string question, string option, IReadOnlyList<string> candidates);
}
