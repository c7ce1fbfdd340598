using System.Text;

namespace Slipway.Containers.Tests.Compose;

/// <summary>A build's output read while the build still writes it (a watch that runs until cancelled).</summary>
internal sealed class LiveOutput : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
                return _text.ToString();
        }
    }

    public override void Write(char value)
    {
        lock (_text)
            _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_text)
            _text.Append(value);
    }

    public int Count(string text)
    {
        var all = Text;
        var count = 0;
        for (var at = all.IndexOf(text, StringComparison.Ordinal); at >= 0; at = all.IndexOf(text, at + text.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>Waits until <paramref name="text"/> has been written <paramref name="times"/> times; fails with the
    /// output when it has not within <paramref name="seconds"/> or when <paramref name="run"/> ended first.</summary>
    public async Task WaitForAsync(string text, Task run, int times = 1, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Count(text) < times)
        {
            if (run.IsCompleted || DateTime.UtcNow > deadline)
                Assert.Fail($"'{text}' (x{times}) not in the output{(run.IsCompleted ? " (the run ended)" : "")}:\n{Text}");
            await Task.Delay(100);
        }
    }
}
