namespace Slipway.Output.Progress;

/// <summary>Where long work reports what it is doing (steps of an image build, bytes of a push). Workers only report
/// events; the run decides how they show: a live view on a terminal, a progress line every 10 s when redirected or on
/// CI, and always the build log. Safe to call from any thread; never throws.</summary>
public interface IProgressReporter
{
    void Report(ProgressEvent progress);
}
