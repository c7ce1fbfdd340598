using System.Runtime.InteropServices;

namespace Slipway.Execution;

/// <summary>A POSIX signal that cancels instead of ending the process: the work sees the token, finishes its summary
/// and returns its own exit code.</summary>
internal static class SignalCancellation
{
    /// <summary>The registration (dispose it to restore the default), or null where this operating system has no such signal.</summary>
    public static PosixSignalRegistration? Cancel(PosixSignal signal, CancellationTokenSource cancellation)
    {
        try
        {
            return PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                cancellation.Cancel();
            });
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }
}
