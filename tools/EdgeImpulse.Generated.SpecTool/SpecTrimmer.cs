using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>The trimmed spec and every problem found while making it (empty when the trim is complete).</summary>
internal sealed record TrimResult(JObject Spec, IReadOnlyList<string> Errors, int UpstreamOperationCount);

/// <summary>
/// Cuts a full OpenAPI 3 document down to the listed operations and the transitive closure of the components
/// they reference, in a canonical order so that two runs on the same input give the same document.
/// </summary>
/// <remarks>
/// Kept: <c>openapi</c>, <c>info</c>, <c>servers</c>, <c>security</c>, the <c>tags</c> the kept operations use,
/// <c>externalDocs</c>; each kept operation's path item without the methods that are not kept; every component
/// reached through a <c>$ref</c>, a <c>discriminator.mapping</c> value or a security requirement. Paths,
/// component sections and component names are sorted ordinally; objects inside them keep the upstream key order.
/// Other top-level fields (<c>webhooks</c>, <c>x-</c> extensions such as <c>x-tagGroups</c>) are dropped.
/// Only local <c>#/components/...</c> references are followed; anything else is reported, as are missing
/// operations and references to components that do not exist.
/// </remarks>
internal static class SpecTrimmer
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    // Maps whose keys are names chosen by the spec author (a property may be called "example" or "default"),
    // so their entries are walked as values and their keys never read as OpenAPI keywords.
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "responses", "content", "headers", "encoding",
        "links", "callbacks", "variables",
    };

    // Literal JSON values (sample payloads, defaults, enum values): nothing inside is a reference.
    private static readonly HashSet<string> Literals = new(StringComparer.Ordinal) { "example", "default", "enum", "const" };

    public static TrimResult Trim(JObject upstream, IEnumerable<string> operationIds, string upstreamName)
    {
        var errors = new List<string>();
        var openApi = (string?)upstream["openapi"];
        if (openApi == null || !openApi.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new SpecToolException($"{upstreamName}: not an OpenAPI 3.x document (its 'openapi' field is '{openApi}').");
        }

        var locations = LocateOperations(upstream, upstreamName);
        var wanted = new SortedSet<string>(operationIds, StringComparer.Ordinal);
        var kept = new List<(string Path, string Method)>();
        foreach (var id in wanted)
        {
            if (!locations.TryGetValue(id, out var found))
            {
                errors.Add($"{upstreamName}: operation '{id}' is listed in scope but does not exist upstream (renamed or removed?).");
            }
            else if (found.Count > 1)
            {
                errors.Add($"{upstreamName}: operationId '{id}' appears {found.Count} times upstream ({string.Join(", ", found.Select(f => $"{f.Method.ToUpperInvariant()} {f.Path}"))}).");
            }
            else
            {
                kept.Add(found[0]);
            }
        }

        var paths = new JObject();
        foreach (var group in kept.GroupBy(k => k.Path).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var methods = group.Select(k => k.Method).ToHashSet(StringComparer.Ordinal);
            var item = new JObject();
            foreach (var field in ((JObject)upstream["paths"]![group.Key]!).Properties())
            {
                if (!HttpMethods.Contains(field.Name, StringComparer.Ordinal) || methods.Contains(field.Name))
                {
                    item[field.Name] = field.Value.DeepClone();
                }
            }

            paths[group.Key] = item;
        }

        var closure = new ComponentClosure(upstream["components"] as JObject, upstreamName, errors);
        closure.AddSecurity(upstream["security"]);
        closure.Walk(paths);

        var trimmed = new JObject();
        foreach (var name in new[] { "openapi", "info", "jsonSchemaDialect", "servers", "security" })
        {
            if (upstream[name] is { } value)
            {
                trimmed[name] = value.DeepClone();
            }
        }

        if (upstream["tags"] is JArray tags)
        {
            var used = kept.SelectMany(k => upstream["paths"]![k.Path]![k.Method]!["tags"]?.Values<string>() ?? [])
                .ToHashSet(StringComparer.Ordinal);
            trimmed["tags"] = new JArray(tags.Where(t => used.Contains((string?)t["name"] ?? string.Empty)).Select(t => t.DeepClone()));
        }

        if (upstream["externalDocs"] is { } externalDocs)
        {
            trimmed["externalDocs"] = externalDocs.DeepClone();
        }

        trimmed["paths"] = paths;
        var components = closure.Components();
        if (components.HasValues)
        {
            trimmed["components"] = components;
        }

        return new TrimResult(trimmed, errors, locations.Values.Sum(l => l.Count));
    }

    /// <summary>Every operation of a spec (an HTTP method of a path item): paths in document order, then methods.</summary>
    public static IEnumerable<(string Path, string Method, JObject Operation)> Operations(JToken spec)
    {
        foreach (var path in (spec["paths"] as JObject)?.Properties() ?? [])
        {
            foreach (var method in HttpMethods)
            {
                if (path.Value is JObject item && item[method] is JObject operation)
                {
                    yield return (path.Name, method, operation);
                }
            }
        }
    }

    /// <summary>Every operationId upstream, with where it is (several places when upstream repeats an id).</summary>
    private static Dictionary<string, List<(string Path, string Method)>> LocateOperations(JObject upstream, string upstreamName)
    {
        if (upstream["paths"] is not JObject)
        {
            throw new SpecToolException($"{upstreamName}: has no 'paths' object.");
        }

        var locations = new Dictionary<string, List<(string Path, string Method)>>(StringComparer.Ordinal);
        foreach (var (path, method, operation) in Operations(upstream))
        {
            if (operation["operationId"] is JValue { Type: JTokenType.String } id)
            {
                if (!locations.TryGetValue((string)id!, out var list))
                {
                    locations[(string)id!] = list = [];
                }

                list.Add((path, method));
            }
        }

        return locations;
    }

    /// <summary>Collects the components reachable from what it walks, each walked once (so cycles end).</summary>
    private sealed class ComponentClosure(JObject? upstreamComponents, string upstreamName, List<string> errors)
    {
        private const string Prefix = "#/components/";
        private readonly SortedDictionary<string, SortedDictionary<string, JToken>> _kept = new(StringComparer.Ordinal);
        private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

        public JObject Components()
        {
            var components = new JObject();
            foreach (var (section, entries) in _kept)
            {
                components[section] = new JObject(entries.Select(e => new JProperty(e.Key, e.Value.DeepClone())));
            }

            return components;
        }

        public void Walk(JToken token)
        {
            switch (token)
            {
                case JArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
                case JObject obj:
                    foreach (var property in obj.Properties())
                    {
                        WalkProperty(property);
                    }

                    break;
            }
        }

        public void AddSecurity(JToken? requirements)
        {
            foreach (var requirement in (requirements as JArray)?.OfType<JObject>() ?? [])
            {
                foreach (var scheme in requirement.Properties())
                {
                    Keep("securitySchemes", scheme.Name, requirement.Path);
                }
            }
        }

        private void WalkProperty(JProperty property)
        {
            switch (property.Name)
            {
                case "$ref" when property.Value.Type == JTokenType.String:
                    AddReference((string)property.Value!, property.Path);
                    break;
                case var name when NameMaps.Contains(name) && property.Value is JObject map:
                    foreach (var entry in map.Properties())
                    {
                        Walk(entry.Value);
                    }

                    break;
                case var name when Literals.Contains(name):
                    break;
                case "examples" when property.Value is JObject examples:
                    // Example objects: only a $ref is a reference; their "value" is a literal payload.
                    foreach (var example in examples.Properties())
                    {
                        if (example.Value["$ref"] is JValue { Type: JTokenType.String } reference)
                        {
                            AddReference((string)reference!, example.Path);
                        }
                    }

                    break;
                case "examples":
                    break;
                case "security" when property.Value is JArray:
                    AddSecurity(property.Value);
                    break;
                case "discriminator" when property.Value is JObject discriminator:
                    foreach (var mapping in (discriminator["mapping"] as JObject)?.Properties() ?? [])
                    {
                        if (mapping.Value.Type == JTokenType.String)
                        {
                            // A mapping value is a reference or, without a '/', a schema name.
                            var value = (string)mapping.Value!;
                            AddReference(value.Contains('/', StringComparison.Ordinal) ? value : $"{Prefix}schemas/{value}", mapping.Path);
                        }
                        else
                        {
                            Walk(mapping.Value);
                        }
                    }

                    break;
                default:
                    Walk(property.Value);
                    break;
            }
        }

        private void AddReference(string reference, string from)
        {
            if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
            {
                errors.Add($"{upstreamName}: $ref '{reference}' at {from} is not a local '#/components/...' reference; external or other references are not supported (inline the target upstream of this tool).");
                return;
            }

            var parts = reference[Prefix.Length..].Split('/');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                errors.Add($"{upstreamName}: $ref '{reference}' at {from} does not name a component ('#/components/<section>/<name>').");
                return;
            }

            Keep(Unescape(parts[0]), Unescape(parts[1]), from, reference);
        }

        private void Keep(string section, string name, string from, string? reference = null)
        {
            if (_kept.TryGetValue(section, out var entries) && entries.ContainsKey(name))
            {
                return;
            }

            if (upstreamComponents?[section]?[name] is not { } component)
            {
                if (_missing.Add($"{section}/{name}"))
                {
                    var what = reference != null ? $"$ref '{reference}'" : $"security scheme '{name}'";
                    errors.Add($"{upstreamName}: {what} at {from} points at nothing: there is no components.{section}.{name}.");
                }

                return;
            }

            if (entries == null)
            {
                _kept[section] = entries = new SortedDictionary<string, JToken>(StringComparer.Ordinal);
            }

            entries[name] = component;
            Walk(component);
        }

        // JSON Pointer (RFC 6901) escapes inside a URI fragment (RFC 3986 percent-encoding).
        private static string Unescape(string segment) =>
            Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }
}
