using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>Checks path and query parameters and JSON bodies against the corrected spec; failures name the field.</summary>
internal static class RequestValidator
{
    /// <summary>Returns the first parameter problem ("query.sliceStart: required"), or null.</summary>
    public static string? CheckParameters(OperationSpec operation, IReadOnlyDictionary<string, string> pathValues, IQueryCollection query)
    {
        foreach (var parameter in operation.Parameters)
        {
            string? value = parameter.In switch
            {
                "path" => pathValues.GetValueOrDefault(parameter.Name),
                "query" => query.TryGetValue(parameter.Name, out var values) ? values.ToString() : null,
                _ => null,
            };
            var field = $"{parameter.In}.{parameter.Name}";
            if (value is null)
            {
                if (parameter.Required)
                {
                    return $"{field}: required";
                }

                continue;
            }

            var problem = parameter.Type switch
            {
                "integer" when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => $"expected integer, got '{value}'",
                "number" when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => $"expected number, got '{value}'",
                "boolean" when value is not ("true" or "false") => $"expected true or false, got '{value}'",
                _ when parameter.Enum is { } allowed && !allowed.Contains(value, StringComparer.Ordinal) => $"expected one of {string.Join(", ", allowed)}, got '{value}'",
                _ => null,
            };
            if (problem is not null)
            {
                return $"{field}: {problem}";
            }
        }

        return null;
    }

    /// <summary>Parses and validates a JSON body; returns it, or the problems ("body.batchSize: expected number").</summary>
    public static async Task<(JToken? Body, string? Problem)> CheckBodyAsync(OperationSpec operation, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "body: required (a JSON request body)");
        }

        JToken body;
        try
        {
            body = Json.Parse(text);
        }
        catch (JsonReaderException ex)
        {
            return (null, $"body: malformed JSON ({ex.Message})");
        }

        var schema = await StudioSpec.RequestSchemaAsync(operation).ConfigureAwait(false);
        var problems = Flatten(schema.Validate(body))
            .Select(Describe)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return problems.Length == 0 ? (body, null) : (null, string.Join("; ", problems));
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.SelectMany(c => c.Value))
            : [e]);

    private static string Describe(ValidationError error)
    {
        var field = FieldPath(error.Path);
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } missing)
        {
            field = field.EndsWith("." + missing, StringComparison.Ordinal) ? field : $"{field}.{missing}";
            return $"{field}: required";
        }

        return $"{field}: {KindText(error.Kind)}";
    }

    // NJsonSchema paths look like "#/visualLayers[0].neurons" or "#/visualLayers/0/neurons"; both become "body.visualLayers[0].neurons".
    private static string FieldPath(string? path)
    {
        var trimmed = (path ?? string.Empty).TrimStart('#').Trim('/');
        if (trimmed.Length == 0)
        {
            return "body";
        }

        var segments = trimmed.Split('/').Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"[{s}]" : "." + s);
        return ("body" + string.Concat(segments)).Replace(".[", "[", StringComparison.Ordinal);
    }

    private static string KindText(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "expected string",
        ValidationErrorKind.NumberExpected => "expected number",
        ValidationErrorKind.IntegerExpected => "expected integer",
        ValidationErrorKind.BooleanExpected => "expected boolean",
        ValidationErrorKind.ObjectExpected => "expected object",
        ValidationErrorKind.ArrayExpected => "expected array",
        ValidationErrorKind.NullExpected => "expected null",
        ValidationErrorKind.NotInEnumeration => "not one of the allowed values",
        ValidationErrorKind.NumberTooSmall => "number too small",
        ValidationErrorKind.NumberTooBig => "number too big",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => "unknown property",
        ValidationErrorKind.NotOneOf => "matches none or several of its oneOf alternatives",
        _ => SplitWords(kind.ToString()),
    };

    private static string SplitWords(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>JSON reading that keeps date strings as written (Newtonsoft would turn them into DateTime and reformat them).</summary>
internal static class Json
{
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("Additional content after the JSON value.");
        }

        return token;
    }
}
