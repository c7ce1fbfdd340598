namespace Slipway.Containers.Engine.Session;

/// <summary>The engine did not open a session; the build falls back to uploading the context as a tar.</summary>
internal sealed class SessionRefusedException(string reason) : Exception(reason);
