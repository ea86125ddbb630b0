using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>What changed between two versions of the vendored spec, in the terms a reviewer of the client cares about.</summary>
/// <remarks>
/// Types are <c>components.schemas</c>; their members are property paths inside one schema, following inline
/// objects, array items (<c>[]</c>), map values (<c>{}</c>) and inline <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>
/// members, but not <c>$ref</c>s (the referenced schema reports its own changes). A member's type is
/// written like <c>integer(int64)</c>, <c>Sample[]</c>, <c>map&lt;string?&gt;</c> (<c>?</c> = nullable).
/// </remarks>
internal sealed record SpecSummary(
    IReadOnlyList<string> OperationsAdded,
    IReadOnlyList<string> OperationsRemoved,
    IReadOnlyList<string> SchemasAdded,
    IReadOnlyList<string> SchemasRemoved,
    IReadOnlyList<string> MembersAdded,
    IReadOnlyList<string> MembersRemoved,
    IReadOnlyList<string> MembersChanged,
    IReadOnlyList<string> EnumValuesAdded,
    IReadOnlyList<string> EnumValuesRemoved)
{
    public bool IsEmpty => Lines().Count == 0;

    public static SpecSummary Compare(JToken before, JToken after)
    {
        var oldOperations = Operations(before);
        var newOperations = Operations(after);
        var oldSchemas = Schemas(before);
        var newSchemas = Schemas(after);
        var common = oldSchemas.Keys.Intersect(newSchemas.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var membersAdded = new List<string>();
        var membersRemoved = new List<string>();
        var membersChanged = new List<string>();
        var enumAdded = new List<string>();
        var enumRemoved = new List<string>();
        foreach (var name in common)
        {
            var (oldShape, newShape) = (oldSchemas[name], newSchemas[name]);
            membersAdded.AddRange(Added(oldShape.Members.Keys, newShape.Members.Keys).Select(m => $"{name}.{m}: {newShape.Members[m]}"));
            membersRemoved.AddRange(Added(newShape.Members.Keys, oldShape.Members.Keys).Select(m => $"{name}.{m}"));
            membersChanged.AddRange(oldShape.Members.Keys.Where(m => newShape.Members.TryGetValue(m, out var type) && type != oldShape.Members[m])
                .Select(m => $"{name}.{m}: {oldShape.Members[m]} -> {newShape.Members[m]}"));
            foreach (var path in oldShape.Enums.Keys.Intersect(newShape.Enums.Keys, StringComparer.Ordinal))
            {
                var where = path.Length == 0 ? name : $"{name}.{path}";
                enumAdded.AddRange(Added(oldShape.Enums[path], newShape.Enums[path]).Select(v => $"{where}: {v}"));
                enumRemoved.AddRange(Added(newShape.Enums[path], oldShape.Enums[path]).Select(v => $"{where}: {v}"));
            }
        }

        return new SpecSummary(
            Added(oldOperations.Keys, newOperations.Keys).Select(id => $"{id} ({newOperations[id]})").ToList(),
            Added(newOperations.Keys, oldOperations.Keys).Select(id => $"{id} ({oldOperations[id]})").ToList(),
            Added(oldSchemas.Keys, newSchemas.Keys),
            Added(newSchemas.Keys, oldSchemas.Keys),
            membersAdded,
            membersRemoved,
            membersChanged,
            enumAdded,
            enumRemoved);
    }

    /// <summary>The summary as printable lines: a count line per kind of change, then one line per change.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        Section(lines, "operations", ("added", "+", OperationsAdded), ("removed", "-", OperationsRemoved));
        Section(lines, "schemas", ("added", "+", SchemasAdded), ("removed", "-", SchemasRemoved));
        Section(lines, "members", ("added", "+", MembersAdded), ("removed", "-", MembersRemoved), ("changed type", "~", MembersChanged));
        Section(lines, "enum values", ("added", "+", EnumValuesAdded), ("removed", "-", EnumValuesRemoved));
        return lines;
    }

    private static void Section(List<string> lines, string title, params (string Verb, string Mark, IReadOnlyList<string> Items)[] changes)
    {
        if (changes.All(c => c.Items.Count == 0))
        {
            return;
        }

        lines.Add($"{title}: {string.Join(", ", changes.Where(c => c.Items.Count > 0).Select(c => $"{c.Items.Count} {c.Verb}"))}");
        lines.AddRange(changes.SelectMany(c => c.Items.Select(item => $"  {c.Mark} {item}")));
    }

    private static List<string> Added(IEnumerable<string> before, IEnumerable<string> after) =>
        after.Except(before, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> Operations(JToken spec)
    {
        var operations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in SpecTrimmer.Operations(spec))
        {
            if (operation["operationId"] is JValue { Type: JTokenType.String } id)
            {
                operations[(string)id!] = $"{method.ToUpperInvariant()} {path}";
            }
        }

        return operations;
    }

    private static Dictionary<string, SchemaShape> Schemas(JToken spec)
    {
        var schemas = new Dictionary<string, SchemaShape>(StringComparer.Ordinal);
        foreach (var schema in (spec["components"]?["schemas"] as JObject)?.Properties() ?? [])
        {
            var shape = new SchemaShape();
            shape.Visit(schema.Value, string.Empty);
            schemas[schema.Name] = shape;
        }

        return schemas;
    }

    private sealed class SchemaShape
    {
        public Dictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> Enums { get; } = new(StringComparer.Ordinal);

        public void Visit(JToken node, string path)
        {
            if (node is not JObject schema || schema["$ref"] != null)
            {
                return;
            }

            if (schema["enum"] is JArray values)
            {
                if (!Enums.TryGetValue(path, out var list))
                {
                    Enums[path] = list = [];
                }

                list.AddRange(values.Select(v => v.ToString(Newtonsoft.Json.Formatting.None)));
            }

            foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
            {
                var member = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                Members[member] = Describe(property.Value);
                Visit(property.Value, member);
            }

            if (schema["items"] is { } items)
            {
                Visit(items, $"{path}[]");
            }

            if (schema["additionalProperties"] is { } mapValues)
            {
                Visit(mapValues, $"{path}{{}}");
            }

            foreach (var composition in new[] { "allOf", "oneOf", "anyOf" })
            {
                foreach (var part in schema[composition] as JArray ?? [])
                {
                    Visit(part, path);
                }
            }
        }

        private static string Describe(JToken node)
        {
            if (node is not JObject schema)
            {
                return "any";
            }

            if (schema["$ref"] is JValue reference)
            {
                return ((string?)reference ?? string.Empty).Split('/')[^1];
            }

            var nullable = (bool?)schema["nullable"] == true ? "?" : string.Empty;
            var composition = new[] { "allOf", "oneOf", "anyOf" }.FirstOrDefault(c => schema[c] is JArray);
            if (composition != null && schema["type"] == null)
            {
                return $"{composition}({string.Join(", ", ((JArray)schema[composition]!).Select(Describe))}){nullable}";
            }

            var type = schema["type"] is JArray types ? string.Join("|", types) : (string?)schema["type"];
            var described = type switch
            {
                "array" => $"{Describe(schema["items"] ?? new JObject())}[]",
                "object" or null when schema["additionalProperties"] is JObject values => $"map<{Describe(values)}>",
                null => schema["properties"] != null ? "object" : "any",
                _ => schema["format"] is JValue format ? $"{type}({format})" : type,
            };
            return described + nullable;
        }
    }
}
