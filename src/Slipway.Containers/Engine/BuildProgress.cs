using System.Text;
using System.Text.Json;
using Serilog;
using Slipway.Containers.Engine.BuildKit;
using Slipway.Output.Progress;

namespace Slipway.Containers.Engine;

/// <summary>
/// Reads the engine's build output line by line and logs it as steps (<c>[step] #3 RUN ...</c>, <c>CACHED</c>,
/// <c>DONE 1.2s</c>). Understands BuildKit's <c>moby.buildkit.trace</c> lines (base64 protobuf), the image ID line,
/// the classic builder's <c>stream</c> lines and <c>error</c> lines, so it can be fed a recorded stream without an engine.
/// The engine reports a failed build as a line, not an HTTP error: ask <see cref="Failure"/> once the stream has ended.
/// Steps are also reported to <paramref name="progress"/> as <see cref="StepStarted"/>, <see cref="StepLogged"/> and
/// <see cref="StepFinished"/> of <paramref name="build"/> (e.g. <c>builder linux/arm64</c>), marked emulated when
/// <paramref name="emulated"/> (the build's platform differs from the engine's), and <see cref="BuildFinished"/> at the end.
/// </summary>
public sealed partial class BuildProgress(ILogger log, IProgressReporter? progress = null, string build = "image", bool emulated = false)
{
    private readonly Dictionary<string, BuildStep> _stepsByDigest = new(StringComparer.Ordinal);
    private readonly List<BuildStep> _steps = [];
    private readonly ClassicBuildOutput _classic = new(log);

    /// <summary>The built image's ID (<c>sha256:...</c>), once the engine has said it.</summary>
    public string? ImageId { get; private set; }

    /// <summary>The first error line the engine sent, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>BuildKit's steps in the order they first appeared.</summary>
    public IReadOnlyList<BuildStep> Steps => _steps;

    /// <summary>Takes one line of the engine's output (it may hold several JSON values).</summary>
    public void Read(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (JsonDocument.TryParseValue(ref reader, out var message))
                using (message)
                    Read(message.RootElement);
        }
        catch (JsonException)
        {
            log.Warning("[build] unreadable engine output: {Line}", line);
        }
    }

    private void Read(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object)
            return;
        var id = message.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
        var aux = message.TryGetProperty("aux", out var auxElement) ? auxElement : default;
        if ((Text(message, "errorDetail", "message") ?? Text(message, "error")) is { Length: > 0 } error)
            Error ??= error.Trim();
        else if (id == "moby.buildkit.trace" && aux.ValueKind == JsonValueKind.String)
            Apply(StatusResponse.Parser.ParseFrom(aux.GetBytesFromBase64()));
        else if (aux.ValueKind == JsonValueKind.Object && Text(aux, "ID") is { } imageId && (id is null or "moby.image.id"))
            ImageId = imageId;
        else if (Text(message, "stream") is { } stream)
            _classic.Read(stream);
        else if (Text(message, "status") is { } status)
            log.Debug("[build] {Status} {Id}", status, id ?? "");
    }

    private static string? Text(JsonElement element, string name, string? inner = null)
    {
        if (!element.TryGetProperty(name, out var value))
            return null;
        if (inner is not null)
            return value.ValueKind == JsonValueKind.Object ? Text(value, inner) : null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
