namespace Slipway.Containers.Engine;

/// <summary>How a <see cref="ContainerRun"/> ended and what it printed.</summary>
public sealed record ContainerRunResult(long ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
