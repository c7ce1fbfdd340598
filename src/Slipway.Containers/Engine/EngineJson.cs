using System.Text.Json.Serialization;

namespace Slipway.Containers.Engine;

/// <summary>The parts of the engine's answers that <see cref="EngineApi"/> reads, deserialised without reflection.</summary>
[JsonSerializable(typeof(EngineVersion))]
[JsonSerializable(typeof(EngineImage))]
internal sealed partial class EngineJson : JsonSerializerContext;
