using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Small facts about OpenAPI schemas and operations that the normaliser and the preflight check share.</summary>
internal static class SchemaFacts
{
    /// <summary>Every property name a schema defines, through its $ref and allOf members, recursively (cycle-safe).</summary>
    internal static IEnumerable<string> PropertyNames(JObject spec, JToken schema) => PropertyNames(spec, schema, new HashSet<JToken>());

    private static IEnumerable<string> PropertyNames(JObject spec, JToken schema, HashSet<JToken> visiting)
    {
        var actual = Resolve(spec, schema);
        if (actual is not JObject obj || !visiting.Add(obj))
        {
            return [];
        }

        var own = (obj["properties"] as JObject)?.Properties().Select(p => p.Name) ?? [];
        var inherited = (obj["allOf"] as JArray)?.SelectMany(m => PropertyNames(spec, m, visiting)).ToList() ?? [];
        return own.Concat(inherited).ToList();
    }

    /// <summary>The schema a local <c>$ref</c> points at (followed through chains), or the schema itself.</summary>
    internal static JToken? Resolve(JObject spec, JToken schema)
    {
        for (var hops = 0; schema is JObject { } obj && obj["$ref"] is { Type: JTokenType.String } reference && hops < 32; hops++)
        {
            var pointer = (string)reference!;
            if (!pointer.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            JToken? current = spec;
            foreach (var part in pointer[2..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
            {
                current = current switch
                {
                    JObject o => o[part],
                    JArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
                    _ => null,
                };
            }

            if (current == null)
            {
                return null;
            }

            schema = current;
        }

        return schema;
    }

    /// <summary>The last segment of a reference: "#/components/schemas/User" names "User".</summary>
    internal static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..];

    /// <summary>A component schema's name, or the path of a schema nested elsewhere.</summary>
    internal static string Describe(JToken schema) =>
        schema.Parent is JProperty { Parent.Parent: JProperty { Name: "schemas" } } named ? named.Name : schema.Path;

    /// <summary>A control character that has no place in prose (tab, line feed and carriage return do).</summary>
    internal static bool IsControl(char c) => (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\u2028' or '\u2029';

    /// <summary>Responses that are all 3xx: no result type for NSwag.</summary>
    internal static bool IsRedirectOnly(JObject responses) =>
        responses.Count > 0 && responses.Properties().All(p => p.Name.StartsWith('3'));
}
