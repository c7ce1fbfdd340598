using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>One run of <c>slipway setup</c>: where it was started, what the command line decided, and the Slipway
/// version the build project references (the tool's own, unless a test says otherwise).</summary>
internal sealed record SetupOptions(string WorkingDirectory, string SlipwayVersion, LayoutChoices Choices, bool Force = false);
