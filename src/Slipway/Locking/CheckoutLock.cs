using Slipway.Paths;

namespace Slipway.Locking;

/// <summary>
/// One build per checkout at a time: <c>.nuke/temp/build.lock</c>, held open without sharing while a build runs (an
/// advisory <c>flock</c> on Unix, a sharing lock on Windows — both end with the process, so the lock of a build that
/// died is free again and is taken over), with its owner's process id beside it in <c>build.lock.owner</c>. A second
/// build waits, saying once whose build it waits for, or fails at once when it must not wait.
/// </summary>
internal sealed class CheckoutLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _lock;
    private readonly LockOwner _owner;

    private CheckoutLock(FileStream @lock, LockOwner owner)
    {
        _lock = @lock;
        _owner = owner;
    }

    public static AbsolutePath PathIn(AbsolutePath root) => BuildFolders.TemporaryDirectoryOf(root) / "build.lock";

    /// <summary>Takes the lock of the checkout at <paramref name="root"/>, waiting for another build to end unless
    /// <paramref name="wait"/> is false. Writes one line to <paramref name="console"/> when it waits or takes over the
    /// lock of a build that died.</summary>
    public static async Task<CheckoutLock> AcquireAsync(
        AbsolutePath root, bool wait, TextWriter console, CancellationToken cancellation, int processId = 0)
    {
        var path = PathIn(root);
        Directory.CreateDirectory(path.Parent);
        var owner = new LockOwner(path + ".owner");
        processId = processId == 0 ? Environment.ProcessId : processId;
        var waited = TimeSpan.Zero;
        var announced = false;
        while (true)
        {
            if (TryOpen(path) is { } held)
            {
                if (owner.Read() is { } previous && previous != processId && !LockOwner.IsRunning(previous))
                    console.WriteLine($"Taking over {path.RelativeTo(root)} from process {previous}, which is no longer running");
                owner.Write(processId);
                return new CheckoutLock(held, owner);
            }
            var holder = owner.Read();
            if (!wait)
                throw new SlipwayException(
                    $"another build ({Who(holder)}) is running in this checkout, and --no-wait does not wait for it");
            // the owner file is written just after the lock is taken: give it a moment before naming nobody
            if (!announced && (holder is not null || waited >= TimeSpan.FromSeconds(1)))
            {
                console.WriteLine($"Waiting for the build in {Who(holder)} to finish ({path.RelativeTo(root)}; --no-wait fails instead) ...");
                console.Flush();
                announced = true;
            }
            try
            {
                await Task.Delay(Poll, cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new SlipwayException($"cancelled while waiting for the build in {Who(holder)} to finish");
            }
            waited += Poll;
        }
    }

    public void Dispose()
    {
        _owner.Delete();
        _lock.Dispose();
    }

    private static string Who(int? processId) => processId is { } id ? $"process {id}" : "another process";

    private static FileStream? TryOpen(AbsolutePath path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null; // held by another process
        }
    }
}
