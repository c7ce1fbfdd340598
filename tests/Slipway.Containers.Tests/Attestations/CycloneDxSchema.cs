using System.Text.Json;
using Json.Schema;

namespace Slipway.Containers.Tests.Attestations;

/// <summary>The independent check of an SBOM: the CycloneDX 1.6 JSON schema (with the SPDX and JSF schemas it refers to,
/// committed under Fixtures/cyclonedx from @cyclonedx/cyclonedx-library), evaluated by JsonSchema.Net.</summary>
internal static class CycloneDxSchema
{
    private const string Base = "http://cyclonedx.org/schema/";

    private static readonly Lazy<JsonSchema> Bom = new(Load);

    /// <summary>The schema errors of the document, "location: message" each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(byte[] sbom)
    {
        using var document = JsonDocument.Parse(sbom);
        var result = Bom.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid, without details")
            .ToList();
    }

    private static JsonSchema Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "cyclonedx");
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var file in new[] { "spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json" })
        {
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, file)), options);
            options.SchemaRegistry.Register(new Uri(Base + file), schema);
        }
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, "bom-1.6.SNAPSHOT.schema.json")), options);
    }
}
