using Serilog;
using Slipway.Processes;

namespace Slipway.Containers.Provisioning;

/// <summary>One of the bash scripts shipped inside Slipway (provision/*.sh), written to .nuke/temp and run with its
/// progress lines going to the log; the lines it prints on stdout are returned for the caller to read.</summary>
internal sealed class ProvisioningScript(string name)
{
    /// <summary>SHA-256 of the script as shipped: a changed script invalidates what an earlier run of it reported.</summary>
    public string Digest
    {
        get
        {
            using var resource = Open();
            using var shared = Open(SharedScript);
            using var both = new MemoryStream();
            resource.CopyTo(both);
            shared.CopyTo(both);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(both.ToArray()));
        }
    }

    public async Task<IReadOnlyList<string>> RunAsync(
        string temporaryDirectory, IEnumerable<string> arguments, ILogger log, CancellationToken cancellation,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var path = Extract(temporaryDirectory);
        var output = new List<string>();
        var lastLines = new Queue<string>();
        var run = new ToolRun("bash", [path, .. arguments]) { Variables = environment ?? new Dictionary<string, string>() };
        var exitCode = await Tool.RunAsync(run,
            line => { lock (output) output.Add(line); },
            line =>
            {
                log.Information("{Line}", line);
                lock (lastLines)
                {
                    lastLines.Enqueue(line);
                    if (lastLines.Count > 10)
                        lastLines.Dequeue();
                }
            },
            cancellation);
        if (exitCode != 0)
            throw new SlipwayException($"{name} failed with exit code {exitCode}: {lastLines.LastOrDefault() ?? "no output"}");
        return output;
    }

    /// <summary>Writes the script and what it sources (as-root.sh: root directly or through sudo -n) to .nuke/temp/provision.</summary>
    private string Extract(string temporaryDirectory) => ExtractAll(Path.Combine(temporaryDirectory, "provision"), name);

    /// <summary>Writes <paramref name="script"/> and as-root.sh into <paramref name="directory"/>, readable by everyone
    /// (the rehearsal runs them as another user); returns the script's path.</summary>
    public static string ExtractAll(string directory, string script)
    {
        Directory.CreateDirectory(directory);
        foreach (var each in new[] { SharedScript, script }.Distinct())
        {
            using var resource = Open(each);
            using var content = new MemoryStream();
            resource.CopyTo(content);
            WriteInPlaceOf(Path.Combine(directory, each), content.ToArray());
        }
        return Path.Combine(directory, script);
    }

    /// <summary>Scripts run side by side (both engines' base images, the services, the current engine) and bash reads
    /// a script as it runs it: a file rewritten in place under a running script makes it read the new bytes at its old
    /// offset. So a file that already holds these bytes is left alone, and new bytes are renamed over it whole; a
    /// running bash keeps reading the file it opened.</summary>
    private static void WriteInPlaceOf(string path, byte[] content)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
            return;
        var partial = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.partial";
        File.WriteAllBytes(partial, content);
        File.Move(partial, path, overwrite: true);
    }

    private const string SharedScript = "as-root.sh";

    private Stream Open() => Open(name);

    private static Stream Open(string script) =>
        typeof(ProvisioningScript).Assembly.GetManifestResourceStream($"provision/{script}")
        ?? throw new SlipwayException($"provisioning script {script} is not part of this Slipway build");
}
