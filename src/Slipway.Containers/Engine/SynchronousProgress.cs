namespace Slipway.Containers.Engine;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, so every report has been seen
/// when the call that reports returns (<see cref="Progress{T}"/> posts to the thread pool and may run later).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
