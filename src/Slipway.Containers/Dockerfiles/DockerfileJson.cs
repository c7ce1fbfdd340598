using System.Text.Json.Serialization;

namespace Slipway.Containers.Dockerfiles;

/// <summary>The JSON form of an instruction's arguments (<c>["a", "b", "/dest"]</c>), read without reflection: the
/// Dockerfiles are read on every build.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class DockerfileJson : JsonSerializerContext;
