using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slipway.Containers.Attestations;

/// <summary>
/// Writes an in-toto statement (<c>https://in-toto.io/Statement/v1</c>) whose subject is one platform manifest and whose
/// predicate is SLSA provenance v1 (<c>https://slsa.dev/provenance/v1</c>). Maps and inputs are written sorted, so the
/// same inputs give the same bytes.
/// </summary>
public static class SlsaProvenance
{
    public const string MediaType = "application/vnd.in-toto+json";
    public const string StatementType = "https://in-toto.io/Statement/v1";
    public const string PredicateType = "https://slsa.dev/provenance/v1";
    public const string PredicateTypeAnnotation = "in-toto.io/predicate-type";

    /// <summary>Slipway's build type: a builder image keyed by its dependency hash, then the app image FROM it. The URI is
    /// the package's page, whose README (section "Build type container-image v1") documents the parameters; it changes
    /// only with the meaning of the fields (then to <c>…-v2</c>).</summary>
    public const string BuildType = "https://www.nuget.org/packages/Slipway.Containers#build-type-container-image-v1";

    public static byte[] Write(SbomSubject subject, ProvenanceInputs inputs)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("_type", StatementType);
            writer.WriteStartArray("subject");
            writer.WriteStartObject();
            writer.WriteString("name", subject.Name);
            writer.WriteStartObject("digest");
            writer.WriteString("sha256", subject.Sha256);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("predicateType", PredicateType);
            writer.WriteStartObject("predicate");
            BuildDefinition(writer, subject, inputs);
            RunDetails(writer, inputs);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void BuildDefinition(Utf8JsonWriter writer, SbomSubject subject, ProvenanceInputs inputs)
    {
        writer.WriteStartObject("buildDefinition");
        writer.WriteString("buildType", BuildType);
        writer.WriteStartObject("externalParameters");
        Map(writer, "dockerfiles", inputs.Dockerfiles);
        writer.WriteStartArray("targets");
        foreach (var target in inputs.Targets)
            writer.WriteStringValue(target);
        writer.WriteEndArray();
        writer.WriteStartArray("platforms");
        foreach (var platform in inputs.Platforms)
            writer.WriteStringValue(platform.ToString());
        writer.WriteEndArray();
        Map(writer, "buildArgs", inputs.BuildArguments);
        if (inputs.Source?.Uri is { } source)
            writer.WriteString("source", source);
        writer.WriteEndObject();
        writer.WriteStartObject("internalParameters");
        writer.WriteString("platform", subject.Platform.ToString());
        writer.WriteEndObject();
        writer.WriteStartArray("resolvedDependencies");
        var dependencies = (inputs.Source is null ? [] : new[] { inputs.Source })
            .Concat(inputs.BaseImages)
            .Concat(inputs.BuilderImage is null ? [] : [inputs.BuilderImage])
            .Concat(inputs.DependencyInputs.OrderBy(d => d.Name, StringComparer.Ordinal));
        foreach (var dependency in dependencies)
            Dependency(writer, dependency);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void RunDetails(Utf8JsonWriter writer, ProvenanceInputs inputs)
    {
        writer.WriteStartObject("runDetails");
        writer.WriteStartObject("builder");
        writer.WriteString("id", inputs.Builder.Id);
        writer.WriteStartObject("version");
        writer.WriteString("slipway", inputs.Builder.SlipwayVersion);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("metadata");
        if (inputs.Builder.InvocationId is { } invocation)
            writer.WriteString("invocationId", invocation);
        writer.WriteString("startedOn", AttestationTime.Format(inputs.StartedOn));
        writer.WriteString("finishedOn", AttestationTime.Format(inputs.FinishedOn));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Dependency(Utf8JsonWriter writer, ResolvedDependency dependency)
    {
        writer.WriteStartObject();
        writer.WriteString("name", dependency.Name);
        if (dependency.Uri is { } uri)
            writer.WriteString("uri", uri);
        Map(writer, "digest", dependency.Digest);
        writer.WriteStartObject("annotations");
        writer.WriteString("role", dependency.Role);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Map(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            writer.WriteString(key, value);
        writer.WriteEndObject();
    }
}
