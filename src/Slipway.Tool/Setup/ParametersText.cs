using System.Text;
using System.Text.Json;
using Slipway.Tool.Detection;

namespace Slipway.Tool.Setup;

/// <summary>.nuke/parameters.json with what setup detected and the Dockerfiles cannot say (image name, which Dockerfile
/// is which, build context, extra inputs, what the Compose file sets); never a base image, stage or build argument a
/// Dockerfile states, so the Dockerfile stays the one place it is written. Keys are the container components'
/// parameter names; a test checks each against the components, since the build rejects an unknown key.</summary>
internal static class ParametersText
{
    /// <summary>A self-check any Python app image can run: VerifyArch compares its 'machine' with the platform.</summary>
    public static readonly string[] GenericSelfCheck =
        ["python", "-c", "import json, platform; print(json.dumps({'machine': platform.machine()}))"];

    public static string For(DetectedLayout layout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "./build.schema.json");
            json.WriteString("ImageName", layout.ImageName);
            json.WriteString("BuildContext", layout.BuildContext);
            json.WriteString("BuilderDockerfile", layout.BuilderDockerfile);
            json.WriteString("AppDockerfile", layout.AppDockerfile);
            if (layout.BuilderTarget is { } builderTarget)
                json.WriteString("BuilderTarget", builderTarget);
            WriteArray(json, "DependencyManifests", layout.DependencyManifests);
            WriteArray(json, "DependencySources", []);
            WriteArray(json, "AppSources", ["**"]);
            foreach (var (name, values) in layout.Parameters)
            {
                if (name == "Platforms")
                    WriteArray(json, name, values);
                else
                    json.WriteString(name, values[0]);
            }
            if (layout.VenvPath is { } venv)
                json.WriteString("VenvPath", venv);
            WriteArray(json, "SelfCheckCommand", GenericSelfCheck);
            if (layout.TestStage is { } testStage)
                json.WriteString("TestStage", testStage);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
