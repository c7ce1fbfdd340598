using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Slipway.Containers.Engine.Session;

/// <summary>
/// A connection to an <c>ssh://user@host:port</c> engine as the Docker CLI's connhelper makes it: one
/// <c>ssh -l user -p port -- host docker system dial-stdio</c> per connection (the distribution's OpenSSH client,
/// the user's keys and ~/.ssh/config), whose stdin and stdout are the connection. When ssh ends before the engine
/// answered, reading or writing fails with what ssh said on stderr.
/// </summary>
internal sealed class SshDialStdio : Stream
{
    private const int SshFailed = 255;
    private const int CommandNotFound = 127;
    private readonly Process _process;
    private readonly EngineEndpoint _endpoint;
    private readonly StringBuilder _errors = new();
    private readonly Task _errorsRead;
    private readonly Stream _output;
    private readonly Stream _input;

    private SshDialStdio(Process process, EngineEndpoint endpoint)
    {
        _process = process;
        _endpoint = endpoint;
        _output = process.StandardOutput.BaseStream;
        _input = process.StandardInput.BaseStream;
        _errorsRead = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
                lock (_errors)
                    _errors.AppendLine(line);
        });
    }

    public static Stream Start(EngineEndpoint endpoint)
    {
        var environment = endpoint.ProcessEnvironment ?? new Dictionary<string, string>();
        var ssh = ProgramOnPath("ssh", environment)
                  ?? throw new EngineConnectionException($"the Docker engine at {endpoint} is reached with ssh, which is not on PATH: install the OpenSSH client (apt-get install openssh-client)");
        var start = new ProcessStartInfo(ssh)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // BatchMode: never a password prompt on a build's terminal; ConnectTimeout as the Docker CLI's connhelper.
        string[] options = ["-o", "BatchMode=yes", "-o", "ConnectTimeout=30", "-T"];
        foreach (var argument in options)
            start.ArgumentList.Add(argument);
        if (endpoint.Uri.UserInfo is { Length: > 0 } user)
        {
            start.ArgumentList.Add("-l");
            start.ArgumentList.Add(user);
        }
        if (endpoint.Uri.Port > 0)
        {
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add(endpoint.Uri.Port.ToString());
        }
        foreach (var argument in new[] { "--", endpoint.Uri.Host, "docker", "system", "dial-stdio" })
            start.ArgumentList.Add(argument);
        start.Environment.Clear();
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        try
        {
            return new SshDialStdio(Process.Start(start)!, endpoint);
        }
        catch (Win32Exception failure)
        {
            throw new EngineConnectionException($"ssh for the Docker engine at {endpoint} could not be started: {failure.Message}", failure);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _output.ReadAsync(buffer, cancellationToken);
        if (read == 0 && await FailureAsync() is { } failure)
            throw failure;
        return read;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            await _input.WriteAsync(buffer, cancellationToken);
            await _input.FlushAsync(cancellationToken);
        }
        catch (IOException closed)
        {
            throw await FailureAsync() ?? new EngineConnectionException($"ssh to the Docker engine at {_endpoint} closed the connection", closed);
        }
    }

    /// <summary>Why ssh ended, when it ended with an error (it has, or does within a moment of its stdout closing).</summary>
    private async Task<EngineConnectionException?> FailureAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        int exitCode;
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            await _errorsRead.WaitAsync(wait.Token);
            exitCode = _process.ExitCode;
        }
        catch (Exception closed) when (closed is OperationCanceledException or InvalidOperationException)
        {
            return null; // still running, or this connection was closed (disposed) meanwhile
        }
        if (exitCode == 0)
            return null;
        string said;
        lock (_errors)
            said = string.Join("; ", _errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new EngineConnectionException(exitCode switch
        {
            SshFailed => $"ssh to the Docker engine at {_endpoint} failed: {said}",
            CommandNotFound => $"the Docker engine at {_endpoint}: the remote has no docker CLI for `docker system dial-stdio` ({said})",
            var code => $"the Docker engine at {_endpoint}: `docker system dial-stdio` over ssh exited {code}: {said}",
        });
    }

    private static string? ProgramOnPath(string name, IReadOnlyDictionary<string, string> environment) =>
        (environment.GetValueOrDefault("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => Path.Combine(folder, name))
        .FirstOrDefault(File.Exists);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                _input.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(1)))
                    _process.Kill(entireProcessTree: true);
            }
            catch (Exception failure) when (failure is IOException or InvalidOperationException)
            {
            }
            _process.Dispose();
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => _input.Flush();

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
