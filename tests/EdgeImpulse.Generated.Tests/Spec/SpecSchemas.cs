using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace EdgeImpulse.Generated.Tests.Spec;

/// <summary>Response schemas of the corrected spec (what the client is generated from), as NJsonSchema validators.</summary>
internal static class SpecSchemas
{
    // Corrected exactly as the build does it (same SpecTool code), so no test depends on a build's obj/ layout.
    private static readonly Lazy<JObject> Spec = new(() =>
    {
        var document = (JObject)Generated.SpecTool.YamlJson.Load(TestPaths.Spec);
        EdgeImpulse.Generated.SpecTool.Overlay.Apply(document, Generated.SpecTool.YamlJson.Load(TestPaths.Corrections), "corrections.overlay.yaml");
        return document;
    });
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Cache = new(StringComparer.Ordinal);

    public static JObject Document => Spec.Value;

    /// <summary>The 200 JSON response schema of an operation, with every component in reach.</summary>
    public static Task<JsonSchema> ResponseSchemaAsync(string operationId) => Cache.GetOrAdd(operationId, id =>
    {
        var operation = Operations().SingleOrDefault(o => (string?)o["operationId"] == id)
            ?? throw new InvalidOperationException($"No operation {id} in the corrected spec.");
        var schema = operation.SelectToken("responses.200.content['application/json'].schema")
            ?? throw new InvalidOperationException($"{id} has no JSON 200 response.");

        // A standalone JSON Schema document: the response schema at the root and the components as definitions.
        // Only the reference prefix and OpenAPI 3.0's "nullable" differ from plain JSON Schema.
        var root = new JObject { ["allOf"] = new JArray(schema.DeepClone()) };
        root["definitions"] = Document["components"]!["schemas"]!.DeepClone();
        foreach (var nullable in root.Descendants().OfType<JProperty>().Where(p => p.Name == "nullable" && p.Value.Type == JTokenType.Boolean && (bool)p.Value).ToList())
        {
            var owner = (JObject)nullable.Parent!;
            if (owner["type"] is JValue type)
            {
                owner["type"] = new JArray(type.DeepClone(), "null");
            }
        }

        return JsonSchema.FromJsonAsync(root.ToString().Replace("\"#/components/schemas/", "\"#/definitions/", StringComparison.Ordinal));
    });

    /// <summary>Validates JSON and lists every leaf error ("path: kind"), unfolding allOf/oneOf child errors.</summary>
    public static async Task<string[]> ValidateAsync(string operationId, string json)
    {
        var schema = await ResponseSchemaAsync(operationId).ConfigureAwait(false);
        return Flatten(schema.Validate(json)).Select(e => $"{e.Path}: {e.Kind}").Distinct().ToArray();
    }

    public static JObject[] Operations() =>
        Document["paths"]!.Children<JProperty>().SelectMany(p => p.Value.Children<JProperty>()).Select(m => (JObject)m.Value).ToArray();

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.SelectMany(c => c.Value))
            : new[] { e });
}
