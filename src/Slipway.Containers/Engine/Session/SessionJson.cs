using System.Text.Json.Serialization;

namespace Slipway.Containers.Engine.Session;

/// <summary>The JSON the build request's query carries (<c>buildargs</c>, <c>labels</c>), without reflection.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SessionJson : JsonSerializerContext;
