namespace Slipway.Output.Progress;

/// <summary>A step of an image build started running.</summary>
/// <param name="Build">What is being built, as the user knows it: <c>builder linux/arm64</c>.</param>
/// <param name="Step">The step's id within that build: <c>#7</c>.</param>
/// <param name="Name">The instruction: <c>RUN pip install -r requirements.txt</c>.</param>
/// <param name="Emulated">It runs under emulation (QEMU): the machine it targets is not the engine's own.</param>
public sealed record StepStarted(string Build, string Step, string Name, bool Emulated) : ProgressEvent;
