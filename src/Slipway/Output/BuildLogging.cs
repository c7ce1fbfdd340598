using Serilog;
using Serilog.Core;
using Serilog.Events;
using Slipway.Output.Progress;
using Slipway.Parameters;
using Slipway.Paths;

namespace Slipway.Output;

/// <summary>The loggers and output of one run: console lines (by verbosity), warnings and errors kept for the recap,
/// and, when a log file is given, every event as compact JSON. All writing goes through the secret mask.
/// Progress of long work shows as a live region on a terminal (when executing at normal verbosity or more, not on
/// GitHub Actions), else as a line every 10 s.</summary>
internal sealed class BuildLogging : IDisposable
{
    private readonly Logger _log;
    private readonly Logger? _fileLog;
    private readonly JsonLogSink? _jsonSink;
    private readonly ProgressDisplay _progress;

    public BuildLogging(
        TextWriter console, SecretValues secrets, Verbosity verbosity, bool terminal, bool gitHubActions, AbsolutePath? logFile,
        (int Columns, int Rows)? terminalWindow = null)
        : this(console, secrets, verbosity, terminal, gitHubActions, logFile, TimeProvider.System,
            terminalWindow is { Columns: > 0, Rows: > 0 } window ? () => new TerminalSize(window.Columns, window.Rows) : TerminalSize.OfConsole)
    {
    }

    internal BuildLogging(
        TextWriter console, SecretValues secrets, Verbosity verbosity, bool terminal, bool gitHubActions, AbsolutePath? logFile,
        TimeProvider clock, Func<TerminalSize> terminalSize)
    {
        var ansi = new Ansi(terminal);
        var board = new ProgressBoard(clock);
        var live = terminal && !gitHubActions && verbosity >= Verbosity.Normal && logFile is not null
            ? new LiveConsole(console, () => LiveViewText.Render(board.Snapshot(), terminalSize()))
            : null;
        console = (TextWriter?)live ?? console;
        var scope = new TargetScope();
        var problems = new ProblemSink(scope);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.With(scope)
            .WriteTo.Sink(new ConsoleSink(console, ansi, gitHubActions, verbosity == Verbosity.Verbose), ConsoleLevel(verbosity))
            .WriteTo.Sink(problems);
        if (logFile is not null)
        {
            _jsonSink = new JsonLogSink(new SecretMaskingWriter(new BuildLogFile(logFile), secrets, ownsInner: true));
            configuration = configuration.WriteTo.Sink(_jsonSink);
            _fileLog = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.With(scope).WriteTo.Sink(_jsonSink).CreateLogger();
        }
        _log = configuration.CreateLogger();
        var fileLog = (ILogger?)_fileLog ?? Logger.None;
        _progress = new ProgressDisplay(board, live is null ? _log : fileLog, live);
        Output = new BuildOutput(console, ansi, verbosity, gitHubActions, scope, problems, fileLog, board, _progress);
    }

    public ILogger Log => _log;

    public BuildOutput Output { get; }

    public void Dispose()
    {
        _progress.Dispose();
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
