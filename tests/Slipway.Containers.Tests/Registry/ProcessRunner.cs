using System.Diagnostics;

namespace Slipway.Containers.Tests.Registry;

/// <summary>Runs a tool to completion and returns its exit code and output; argument lists, never a shell.</summary>
internal static class ProcessRunner
{
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Stdout);
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> arguments, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var stdout = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout, limit.Token);
        var readErr = process.StandardError.ReadToEndAsync(limit.Token);
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin, limit.Token);
            process.StandardInput.Close();
        }
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }
        await readOut;
        return new Result(process.ExitCode, stdout.ToArray(), await readErr);
    }

    public static async Task<Result> RunCheckedAsync(string file, IEnumerable<string> arguments, byte[]? stdin = null)
    {
        var list = arguments.ToList();
        var result = await RunAsync(file, list, stdin);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', list)} exited {result.ExitCode}: {result.Stderr.Trim()}");
        return result;
    }
}
