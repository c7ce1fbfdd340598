using System.Globalization;
using System.Text.Json;
using Slipway.Paths;

namespace Slipway.Parameters;

/// <summary>Turns what a source holds (command-line values, an environment string, a JSON value) into the member's type.
/// Errors name the parameter and where the value came from, and never repeat a secret.</summary>
internal sealed class ParameterConverter(ParameterDeclaration parameter, AbsolutePath root, string origin)
{
    private ParameterType Type => parameter.Type;

    /// <summary>The values that followed <c>--name</c>: none is true for a flag; an array takes any number.</summary>
    public object? FromArguments(IReadOnlyList<string> values)
    {
        if (Type.IsArray)
            return ToArray(values.SelectMany(Split).ToArray());
        if (values.Count == 0)
            return Type.IsFlag ? true : throw Fail($"{parameter.Switch} needs a value ({Type.Expected})");
        if (values.Count > 1)
            throw Fail($"takes one value but got {values.Count}" + (parameter.IsSecret ? "" : $": {string.Join(" ", values.Select(Quote))}"));
        return Scalar(values[0]);
    }

    /// <summary>An environment variable: arrays from a JSON array or a space/comma-separated string.</summary>
    public object? FromText(string text)
    {
        if (!Type.IsArray)
            return Scalar(text);
        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return FromJson(document.RootElement);
            }
            catch (JsonException)
            {
                throw Fail($"{Shown(text)} is not a JSON array");
            }
        }
        return ToArray(Split(text).ToArray());
    }

    public object? FromJson(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
            return Type.AcceptsNull ? null : throw Fail($"null is not {Type.Expected}");
        if (Type.IsArray)
        {
            return element.ValueKind switch
            {
                JsonValueKind.Array => ToArray(element.EnumerateArray().Select(ScalarText).ToArray()),
                JsonValueKind.String => ToArray(Split(element.GetString()!).ToArray()),
                _ => throw Fail($"{Shown(element.GetRawText())} is not an array"),
            };
        }
        return Scalar(ScalarText(element));
    }

    private string ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => throw Fail($"{Shown(element.GetRawText())} is not {Type.Expected}"),
    };

    private IEnumerable<string> Split(string text) =>
        text.Split(parameter.Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private Array ToArray(IReadOnlyList<string> texts)
    {
        var array = Array.CreateInstance(Type.Element, texts.Count);
        for (var i = 0; i < texts.Count; i++)
            array.SetValue(Scalar(texts[i]), i);
        return array;
    }

    private object Scalar(string text)
    {
        object? value = Type.Kind switch
        {
            ParameterKind.String => text,
            ParameterKind.Boolean => bool.TryParse(text.Trim(), out var flag) ? flag : null,
            ParameterKind.Integer => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null,
            ParameterKind.Long => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null,
            ParameterKind.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
            ParameterKind.Path => string.IsNullOrWhiteSpace(text) ? null : AbsolutePath.Resolve(text.Trim(), root),
            _ => Enum.GetNames(Type.Element).FirstOrDefault(name => ParameterName.Equal(name, text.Trim())) is { } name
                ? Enum.Parse(Type.Element, name)
                : null,
        };
        return value ?? throw Fail($"{Shown(text)} is not {Type.Expected}");
    }

    private string Shown(string text) => parameter.IsSecret ? "the value (secret, not shown)" : Quote(text);

    private static string Quote(string text) => $"'{text}'";

    private SlipwayException Fail(string problem) => new($"parameter {parameter.Name} ({origin}): {problem}");
}
