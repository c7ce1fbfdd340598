using System.Text.Json.Serialization;

namespace Slipway.Targets.Incremental;

/// <summary>The input records' JSON without reflection: every incremental check reads one, and reflection's first
/// use costs about 20 ms in a fresh process.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class InputSetJson : JsonSerializerContext;
