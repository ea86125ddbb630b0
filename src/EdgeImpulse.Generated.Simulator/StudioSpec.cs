using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>A path or query parameter of an operation, resolved from the corrected spec.</summary>
internal sealed record ParameterSpec(string Name, string In, bool Required, string Type, IReadOnlyList<string>? Enum);

/// <summary>One operation of the corrected spec: what the route table and the request validation need.</summary>
internal sealed record OperationSpec(
    string OperationId,
    string Tag,
    string Method,
    string PathTemplate,
    IReadOnlyList<ParameterSpec> Parameters,
    JToken? RequestSchema,
    string ResponseContentType);

/// <summary>
/// The corrected spec (vendored openapi.yaml + corrections.overlay.yaml, corrected with the SpecTool's own code, as the
/// build does), so the simulator serves exactly the operations the client is generated from.
/// </summary>
internal static class StudioSpec
{
    private static readonly Lazy<JObject> LazyDocument = new(Load);
    private static readonly Lazy<IReadOnlyList<OperationSpec>> LazyOperations = new(() => ReadOperations(Document));
    private const string ComponentPrefix = "#/components/schemas/";

    private static readonly Lazy<Task<JsonSchema>> ComponentsSchema = new(() => BuildSchemaAsync(null));
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> InlineSchemas = new(StringComparer.Ordinal);

    public static JObject Document => LazyDocument.Value;

    public static IReadOnlyList<OperationSpec> Operations => LazyOperations.Value;

    /// <summary>Gets a component schema, e.g. the property list of <c>KerasConfig</c>.</summary>
    public static JObject Component(string name) =>
        Document["components"]?["schemas"]?[name] as JObject ?? throw new InvalidOperationException($"The corrected spec has no schema {name}.");

    /// <summary>The request body schema of an operation, as a JSON Schema whose references are resolved.</summary>
    /// <remarks>
    /// Every request body in scope is a <c>$ref</c> to a component, so one document holding all components serves them
    /// all (building it is the expensive part); an inline body schema would get a document of its own.
    /// </remarks>
    public static async Task<JsonSchema> RequestSchemaAsync(OperationSpec operation)
    {
        var schema = operation.RequestSchema ?? throw new InvalidOperationException($"{operation.OperationId} has no JSON request body.");
        if (schema.Type == JTokenType.Object && ((JObject)schema).Count == 1 && (string?)schema["$ref"] is { } reference && reference.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            var components = await ComponentsSchema.Value.ConfigureAwait(false);
            return components.Definitions[reference[ComponentPrefix.Length..]];
        }

        return await InlineSchemas.GetOrAdd(operation.OperationId, _ => new Lazy<Task<JsonSchema>>(() => BuildSchemaAsync(schema))).Value.ConfigureAwait(false);
    }

    private static Task<JsonSchema> BuildSchemaAsync(JToken? schema)
    {
        // The same translation the spec tests use: only the reference prefix and OpenAPI 3.0's "nullable" differ from JSON Schema.
        var root = schema is null ? new JObject() : new JObject { ["allOf"] = new JArray(schema.DeepClone()) };
        root["definitions"] = Document["components"]!["schemas"]!.DeepClone();
        foreach (var nullable in root.Descendants().OfType<JProperty>().Where(p => p.Name == "nullable" && p.Value.Type == JTokenType.Boolean && (bool)p.Value).ToList())
        {
            var owner = (JObject)nullable.Parent!;
            if (owner["type"] is JValue type)
            {
                owner["type"] = new JArray(type.DeepClone(), "null");
            }
        }

        return JsonSchema.FromJsonAsync(root.ToString().Replace("\"" + ComponentPrefix, "\"#/definitions/", StringComparison.Ordinal));
    }

    private static JObject Load()
    {
        // YamlJson reads files, so the embedded copies go through a temporary folder for the moment it takes.
        var folder = Directory.CreateTempSubdirectory("ei-simulator-spec-");
        try
        {
            var spec = Extract("Spec/openapi.yaml", folder.FullName);
            var overlay = Extract("Spec/corrections.overlay.yaml", folder.FullName);
            var document = (JObject)YamlJson.Load(spec);
            Overlay.Apply(document, YamlJson.Load(overlay), "corrections.overlay.yaml");
            return document;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Extract(string resource, string folder)
    {
        using var stream = typeof(StudioSpec).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The simulator assembly lacks the embedded resource {resource}.");
        var path = Path.Combine(folder, Path.GetFileName(resource));
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }

    private static List<OperationSpec> ReadOperations(JObject document)
    {
        var operations = new List<OperationSpec>();
        foreach (var path in document["paths"]!.Children<JProperty>())
        {
            foreach (var method in path.Value.Children<JProperty>())
            {
                var operation = (JObject)method.Value;
                var parameters = (operation["parameters"] as JArray ?? [])
                    .Select(p => Resolve(document, p))
                    .Select(p => ReadParameter(document, p))
                    .ToArray();
                var response = operation.SelectToken("responses.200.content") as JObject;
                operations.Add(new OperationSpec(
                    (string)operation["operationId"]!,
                    // The fixture folder: the tag as the generated client is named (DSP -> Dsp, Raw data -> RawData).
                    DotNetNaming.Casing((string?)operation["tags"]?[0] ?? string.Empty),
                    method.Name.ToUpperInvariant(),
                    path.Name,
                    parameters,
                    operation.SelectToken("requestBody.content['application/json'].schema"),
                    response?.Properties().First().Name ?? "application/json"));
            }
        }

        return operations;
    }

    private static ParameterSpec ReadParameter(JObject document, JToken parameter)
    {
        var schema = Resolve(document, parameter["schema"] ?? new JObject());
        return new ParameterSpec(
            (string)parameter["name"]!,
            (string)parameter["in"]!,
            (bool?)parameter["required"] ?? false,
            (string?)schema["type"] ?? "string",
            (schema["enum"] as JArray)?.Select(v => (string)v!).ToArray());
    }

    private static JToken Resolve(JObject document, JToken token)
    {
        while (token["$ref"] is JValue reference)
        {
            var pointer = ((string)reference!).TrimStart('#', '/').Split('/');
            token = pointer.Aggregate((JToken)document, (node, segment) => node[segment] ?? throw new InvalidOperationException($"Unresolvable $ref {reference}."));
        }

        return token;
    }
}
