using System.Diagnostics;
using Slipway.Locking;
using Slipway.Tests.Support;

namespace Slipway.Tests.Locking;

public sealed class CheckoutLockTests : IDisposable
{
    private readonly TempRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task A_second_holder_waits_saying_once_for_which_process_and_gets_the_lock_when_the_first_lets_go()
    {
        var first = await CheckoutLock.AcquireAsync(_root.Path, wait: true, TextWriter.Null, CancellationToken.None);
        var console = new StringWriter();
        var second = CheckoutLock.AcquireAsync(_root.Path, wait: true, TextWriter.Synchronized(console), CancellationToken.None, processId: 4242);
        await Task.Delay(1500);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(
            $"Waiting for the build in process {Environment.ProcessId} to finish (.nuke/temp/build.lock; --no-wait fails instead) ...\n",
            console.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("4242", File.ReadAllText(CheckoutLock.PathIn(_root.Path) + ".owner").Trim());
    }

    [Fact]
    public async Task Without_waiting_a_held_lock_fails_at_once_naming_its_process()
    {
        using var first = await CheckoutLock.AcquireAsync(_root.Path, wait: true, TextWriter.Null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SlipwayException>(() =>
            CheckoutLock.AcquireAsync(_root.Path, wait: false, TextWriter.Null, CancellationToken.None));

        Assert.Equal($"another build (process {Environment.ProcessId}) is running in this checkout, and --no-wait does not wait for it", error.Message);
    }

    [Fact]
    public async Task The_lock_of_a_process_that_died_is_taken_over_with_one_line()
    {
        using var gone = Process.Start("true")!;
        await gone.WaitForExitAsync();
        Directory.CreateDirectory(_root.Temp);
        File.WriteAllText(CheckoutLock.PathIn(_root.Path), "");
        File.WriteAllText(CheckoutLock.PathIn(_root.Path) + ".owner", gone.Id + "\n");
        var console = new StringWriter();

        using var held = await CheckoutLock.AcquireAsync(_root.Path, wait: false, console, CancellationToken.None);

        Assert.Equal($"Taking over .nuke/temp/build.lock from process {gone.Id}, which is no longer running\n", console.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Cancelling_while_waiting_is_one_error_naming_the_process_waited_for()
    {
        using var first = await CheckoutLock.AcquireAsync(_root.Path, wait: true, TextWriter.Null, CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));

        var error = await Assert.ThrowsAsync<SlipwayException>(() =>
            CheckoutLock.AcquireAsync(_root.Path, wait: true, TextWriter.Null, cancellation.Token, processId: 4242));

        Assert.Equal($"cancelled while waiting for the build in process {Environment.ProcessId} to finish", error.Message);
    }
}
