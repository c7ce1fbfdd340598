using System.Text.Json;

namespace Slipway.Parameters;

/// <summary>One key of a parameters file with its value and where it stands (<c>.nuke/parameters.json:4</c>).</summary>
internal sealed record ParameterFileEntry(string Key, JsonElement Value, string Origin);
