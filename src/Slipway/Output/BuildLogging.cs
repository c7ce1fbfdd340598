using Serilog;
using Serilog.Core;
using Serilog.Events;
using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Output;

/// <summary>The loggers and output of one run: console lines (by verbosity), warnings and errors kept for the recap,
/// and, when <paramref name="logFile"/> is given, every event as compact JSON. All writing goes through the secret mask.</summary>
internal sealed class BuildLogging : IDisposable
{
    private readonly Logger _log;
    private readonly Logger? _fileLog;
    private readonly JsonLogSink? _jsonSink;

    public BuildLogging(TextWriter console, SecretValues secrets, Verbosity verbosity, bool terminal, bool gitHubActions, AbsolutePath? logFile)
    {
        var ansi = new Ansi(terminal);
        var scope = new TargetScope();
        var problems = new ProblemSink(scope);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.With(scope)
            .WriteTo.Sink(new ConsoleSink(console, ansi, gitHubActions, verbosity == Verbosity.Verbose), ConsoleLevel(verbosity))
            .WriteTo.Sink(problems);
        if (logFile is not null)
        {
            Directory.CreateDirectory(logFile.Parent);
            var writer = new StreamWriter(logFile, append: false) { AutoFlush = false };
            _jsonSink = new JsonLogSink(new SecretMaskingWriter(writer, secrets, ownsInner: true));
            configuration = configuration.WriteTo.Sink(_jsonSink);
            _fileLog = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.With(scope).WriteTo.Sink(_jsonSink).CreateLogger();
        }
        _log = configuration.CreateLogger();
        Output = new BuildOutput(console, ansi, verbosity, gitHubActions, scope, problems, (ILogger?)_fileLog ?? Logger.None);
    }

    public ILogger Log => _log;

    public BuildOutput Output { get; }

    public void Dispose()
    {
        _log.Dispose();
        _fileLog?.Dispose();
        _jsonSink?.Close();
    }

    private static LogEventLevel ConsoleLevel(Verbosity verbosity) => verbosity switch
    {
        Verbosity.Quiet => LogEventLevel.Error,
        Verbosity.Minimal => LogEventLevel.Warning,
        Verbosity.Normal => LogEventLevel.Information,
        _ => LogEventLevel.Verbose,
    };
}
