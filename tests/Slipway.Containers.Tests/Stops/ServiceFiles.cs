namespace Slipway.Containers.Tests.Stops;

/// <summary>The service the stop tests build: a builder whose last step the test chooses (a sleep to be stopped in, a
/// large layer to be pushed slowly), and an app image FROM it.</summary>
internal static class ServiceFiles
{
    public static void WriteTo(ServiceCheckout checkout, string builderStep)
    {
        checkout.Write("docker/builder.Dockerfile", $$"""
            ARG BASE_IMAGE=python:3.11-bookworm
            FROM ${BASE_IMAGE} AS builder
            COPY requirements.txt /opt/venv/requirements.txt
            {{builderStep}}
            """);
        checkout.Write("docker/app.Dockerfile", """
            ARG BUILDER_IMAGE
            ARG RUNTIME_IMAGE=python:3.11-slim-bookworm
            FROM ${BUILDER_IMAGE} AS builder
            FROM ${RUNTIME_IMAGE}
            COPY --from=builder /opt/venv /opt/venv
            COPY main.py /app/
            """);
        checkout.Write("requirements.txt", "pyaudio==0.2.14\n");
        checkout.Write("main.py", "print('stops')\n");
    }

    /// <summary>A builder step that announces <paramref name="marker"/>, then works <paramref name="seconds"/> seconds.</summary>
    public static string SleepingStep(string marker, int seconds) =>
        $"RUN echo {marker} && for i in $(seq 1 {seconds}); do sleep 1; done";

    /// <summary>Whether a process whose command line holds <paramref name="marker"/> runs on this machine (the engine's
    /// build steps run in its process tree; the engine is local here).</summary>
    public static bool StepIsRunning(string marker)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out _))
                continue;
            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(marker, StringComparison.Ordinal))
                    return true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // the process ended while it was read
            }
        }
        return false;
    }
}
