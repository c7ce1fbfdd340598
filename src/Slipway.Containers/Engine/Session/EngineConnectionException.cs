namespace Slipway.Containers.Engine.Session;

/// <summary>A connection to the engine that could not be made, with the one line that says why (TLS, ssh).</summary>
internal sealed class EngineConnectionException(string message, Exception? inner = null) : IOException(message, inner);
