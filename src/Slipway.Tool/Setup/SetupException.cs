namespace Slipway.Tool.Setup;

/// <summary>A mistake in what the user asked for or in the repository: printed as one <c>error:</c> line, exit code 1.</summary>
internal sealed class SetupException(string message) : Exception(message);
