using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>Which optional normalisation rules run (the default ones always do).</summary>
/// <param name="NameInlineSchemas">
/// Hoist every inline object/enum schema under a component's properties to <c>&lt;Parent&gt;&lt;Property&gt;</c>. Off by
/// default: on today's spec it would rename types the <c>x-hoist</c> corrections already name (and break those
/// corrections' targets), so it is for a full-scope spec whose overlay is written with it in mind.
/// </param>
/// <param name="DotNetNaming">
/// The <see cref="SpecTool.DotNetNaming"/> rules: PascalCase tags, .NET casing of schema names without an <c>Enum</c>
/// suffix, operation names without their client's name, flag-like string query parameters as booleans. Off by default:
/// on today's spec they would rename public types and methods; they are for the full-scope spec.
/// </param>
internal sealed record NormalizerOptions(bool NameInlineSchemas = false, bool DotNetNaming = false);

/// <summary>One change a rule made; <paramref name="Location"/> is a Newtonsoft path into the spec (<c>SelectToken</c> finds it).</summary>
internal sealed record NormalizationChange(string Rule, string Location, string Detail);

/// <summary>
/// Rules that fix whole classes of upstream spec problems before generation, so the overlay keeps only genuine local
/// corrections. Each rule is deterministic, idempotent (a second run changes nothing) and reports every change; run
/// by <c>update</c> (before the trim, which needs declared security schemes) and by <c>correct</c>.
/// </summary>
internal static class SpecNormalizer
{
    public const string UndeclaredSecurity = "undeclared-security-schemes";
    public const string DuplicateAllOfProperties = "duplicate-allof-properties";
    public const string ControlCharacters = "control-characters";
    public const string RedirectOnlyResponses = "redirect-only-responses";
    public const string InlineSchemaNames = "inline-schema-names";

    private static readonly string[] TextFields = ["description", "summary", "title"];

    public static IReadOnlyList<NormalizationChange> Normalize(JObject spec, NormalizerOptions? options = null)
    {
        var changes = new List<NormalizationChange>();
        DropUndeclaredSecuritySchemes(spec, changes);
        RemoveDuplicateAllOfProperties(spec, changes);
        StripControlCharacters(spec, changes);
        GiveRedirectOnlyOperationsAResult(spec, changes);
        if (options?.NameInlineSchemas == true)
        {
            NameInlineSchemas(spec, changes);
        }

        if (options?.DotNetNaming == true)
        {
            DotNetNaming.Apply(spec, changes);
        }

        return changes;
    }

    /// <summary>One line per rule that changed something (none when nothing did): rule, count, and the first few places.</summary>
    public static IReadOnlyList<string> Summarize(IReadOnlyList<NormalizationChange> changes) =>
        changes.GroupBy(c => c.Rule)
            .Select(g =>
            {
                var details = g.Select(c => c.Detail).Distinct(StringComparer.Ordinal).ToList();
                var shown = string.Join("; ", details.Take(5)) + (details.Count > 5 ? $"; and {details.Count - 5} more" : "");
                return $"SpecTool: normalized {g.Key}: {g.Count()} change(s): {shown}";
            })
            .ToList();

    /// <summary>
    /// The upstream spec names a <c>permissions</c> scheme on some operations that it never declares: it lists the
    /// account permissions the Studio checks on the caller (e.g. <c>users:emails:read</c>), not a way to authenticate.
    /// The undeclared name is dropped from each requirement; a requirement left empty is dropped too (an empty one
    /// would mean "no authentication"), and a list left empty is removed, so the document's default security (API key,
    /// JWT, OAuth2) applies: the client authenticates those calls like every other. Declaring an invented scheme
    /// instead would describe a mechanism that does not exist.
    /// </summary>
    private static void DropUndeclaredSecuritySchemes(JObject spec, List<NormalizationChange> changes)
    {
        var declared = (spec.SelectToken("components.securitySchemes") as JObject)?.Properties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            ?? new HashSet<string>(StringComparer.Ordinal);
        var owners = new List<JObject> { spec };
        owners.AddRange(SpecTrimmer.Operations(spec).Select(o => o.Operation));
        foreach (var owner in owners)
        {
            if (owner["security"] is not JArray requirements)
            {
                continue;
            }

            var location = owner.Path;
            var dropped = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var requirement in requirements.OfType<JObject>().ToList())
            {
                foreach (var scheme in requirement.Properties().Where(p => !declared.Contains(p.Name)).ToList())
                {
                    dropped.Add(scheme.Name);
                    scheme.Remove();
                }

                if (!requirement.HasValues)
                {
                    requirement.Remove();
                }
            }

            if (dropped.Count == 0)
            {
                continue;
            }

            var what = owner == spec ? "the document" : (string?)owner["operationId"] ?? location;
            if (requirements.Count == 0)
            {
                requirements.Parent!.Remove();
                what += owner == spec ? " (no security left)" : " (now the document's default security)";
            }

            changes.Add(new NormalizationChange(UndeclaredSecurity, location, $"{what}: dropped {string.Join(", ", dropped)}"));
        }
    }

    /// <summary>
    /// A property defined by more than one allOf member (or by an allOf member and the schema's own properties): NSwag
    /// stops ("The properties ... are defined multiple times", no schema named), or the class hides its base class's
    /// property (CS0108, an error here). The definition in a referenced component is kept (it is shared and cannot be
    /// edited for one user); inline repeats are removed. Two components defining the same name stay for
    /// <see cref="SpecPreflight"/> to report.
    /// </summary>
    private static void RemoveDuplicateAllOfProperties(JObject spec, List<NormalizationChange> changes)
    {
        foreach (var schema in Schemas(spec).Where(s => s["allOf"] is JArray).ToList())
        {
            var members = ((JArray)schema["allOf"]!).ToList();
            var seen = new Dictionary<string, string>(StringComparer.Ordinal); // property -> which member defines it
            foreach (var (member, index) in members.Select((m, i) => (m, i)))
            {
                if (member is JObject { } reference && reference["$ref"] is { Type: JTokenType.String } target)
                {
                    foreach (var name in SchemaFacts.PropertyNames(spec, reference))
                    {
                        seen.TryAdd(name, SchemaFacts.RefName((string)target!));
                    }
                }
            }

            var removed = new List<string>();
            var editable = members.OfType<JObject>().Where(m => m["$ref"] == null).Append(schema);
            foreach (var owner in editable)
            {
                if (owner["properties"] is not JObject properties)
                {
                    continue;
                }

                foreach (var property in properties.Properties().ToList())
                {
                    if (seen.TryGetValue(property.Name, out var keptIn))
                    {
                        removed.Add($"{property.Name} (kept {keptIn}'s)");
                        property.Remove();
                    }
                    else
                    {
                        seen[property.Name] = "an inline member";
                    }
                }

                // Nested allOf inside an inline member: its names count as defined (its own pass edits it).
                foreach (var name in (owner["allOf"] as JArray)?.SelectMany(m => SchemaFacts.PropertyNames(spec, m)) ?? [])
                {
                    seen.TryAdd(name, "a nested allOf");
                }
            }

            if (removed.Count > 0)
            {
                changes.Add(new NormalizationChange(DuplicateAllOfProperties, schema.Path, $"{SchemaFacts.Describe(schema)}: {string.Join(", ", removed)}"));
            }
        }
    }

    /// <summary>
    /// C0/C1 control characters (other than tab, line feed, carriage return) in descriptions, summaries and titles: NSwag
    /// stops on them, and they end up in XML doc comments. They carry no meaning in prose, so they are removed. Other
    /// strings (enum values, examples, defaults) are the wire format and are never touched.
    /// </summary>
    private static void StripControlCharacters(JObject spec, List<NormalizationChange> changes)
    {
        foreach (var field in spec.Descendants().OfType<JProperty>().Where(p => TextFields.Contains(p.Name, StringComparer.Ordinal) && p.Value.Type == JTokenType.String).ToList())
        {
            var text = (string)field.Value!;
            if (!text.Any(SchemaFacts.IsControl))
            {
                continue;
            }

            var cleaned = new StringBuilder(text.Length);
            foreach (var c in text.Where(c => !SchemaFacts.IsControl(c)))
            {
                cleaned.Append(c);
            }

            var count = text.Length - cleaned.Length;
            field.Value = new JValue(cleaned.ToString());
            changes.Add(new NormalizationChange(ControlCharacters, field.Value.Path, $"{field.Value.Path}: {count} removed"));
        }
    }

    /// <summary>
    /// An operation whose only responses are redirects (the Studio answers 302 with the location of a CSV, a ZIP, a
    /// payment page): NSwag finds no result type and generates <c>SendAsync&lt;void&gt;</c>, which does not compile, or
    /// drops the method. The HTTP client follows the redirect, so what the caller receives is the body at its target:
    /// the rule adds a <c>200</c> with a binary body (a file response), keeping the redirect responses as documentation.
    /// </summary>
    private static void GiveRedirectOnlyOperationsAResult(JObject spec, List<NormalizationChange> changes)
    {
        foreach (var (_, _, operation) in SpecTrimmer.Operations(spec))
        {
            if (operation["responses"] is not JObject responses || !SchemaFacts.IsRedirectOnly(responses))
            {
                continue;
            }

            var codes = string.Join(", ", responses.Properties().Select(p => p.Name));
            responses["200"] = new JObject
            {
                ["description"] = $"The body at the redirect's target (the Studio answers {codes}; the HTTP client follows it). Added by the SpecTool's {RedirectOnlyResponses} rule.",
                ["content"] = new JObject { ["application/octet-stream"] = new JObject { ["schema"] = new JObject { ["type"] = "string", ["format"] = "binary" } } },
            };
            changes.Add(new NormalizationChange(RedirectOnlyResponses, responses.Path, $"{operation["operationId"]} ({codes})"));
        }
    }

    /// <summary>
    /// Optional (<see cref="NormalizerOptions.NameInlineSchemas"/>): every inline schema NSwag would make a type of (an
    /// object with properties, an enum, a composition) moves to a component and leaves a <c>$ref</c>:
    /// <c>&lt;Parent&gt;&lt;Property&gt;</c> under a component's properties (<c>...Item</c> for array items,
    /// <c>...Value</c> for a dictionary's values), recursively; <c>&lt;OperationId&gt;Request</c> / <c>...Response</c>
    /// for an operation's inline JSON body and success result. NSwag would otherwise number them (<c>Data2</c>,
    /// <c>Response11</c>), call them <c>Anonymous</c>, or name an enum <c>Type</c> (shadowing <c>System.Type</c>).
    /// A name already taken by a different schema is left inline and reported.
    /// </summary>
    private static void NameInlineSchemas(JObject spec, List<NormalizationChange> changes)
    {
        if (spec.SelectToken("components.schemas") is not JObject schemas)
        {
            return;
        }

        foreach (var component in schemas.Properties().ToList())
        {
            NameWithin(schemas, component.Name, component.Value, changes);
        }

        // Inline JSON request and success-response bodies: <OperationId>Request / <OperationId>Response (NSwag: Response2..15).
        // Form bodies stay inline: NSwag turns their properties into method parameters.
        foreach (var (_, _, operation) in SpecTrimmer.Operations(spec))
        {
            var operationName = Pascal((string?)operation["operationId"] ?? "");
            var bodies = (operation.SelectToken("requestBody.content") as JObject)?.Properties().Where(c => c.Name.Contains("json", StringComparison.Ordinal)).Select(c => (c.Value["schema"], "Request")) ?? [];
            var results = (operation["responses"] as JObject)?.Properties().Where(r => r.Name.StartsWith('2'))
                .SelectMany(r => (r.Value["content"] as JObject)?.Properties().Select(c => (c.Value["schema"], "Response")) ?? []) ?? [];
            foreach (var (schema, suffix) in bodies.Concat(results).ToList())
            {
                if (operationName.Length > 0 && schema is JObject inline && NeedsName(inline))
                {
                    Hoist(schemas, inline, operationName + suffix, changes);
                }
            }
        }
    }

    private static void NameWithin(JObject schemas, string parent, JToken schema, List<NormalizationChange> changes)
    {
        if (schema is not JObject parentSchema)
        {
            return;
        }

        // Inline allOf members are part of the parent's own type: their properties are named after the parent.
        foreach (var member in (parentSchema["allOf"] as JArray)?.OfType<JObject>().Where(m => m["$ref"] == null).ToList() ?? [])
        {
            NameWithin(schemas, parent, member, changes);
        }

        // A dictionary's inline value type (NSwag: Anonymous, Anonymous2).
        if (parentSchema["additionalProperties"] is JObject values && NeedsName(values))
        {
            Hoist(schemas, values, parent + "Value", changes);
        }

        if (parentSchema["properties"] is not JObject properties)
        {
            return;
        }

        foreach (var property in properties.Properties().ToList())
        {
            var (inline, suffix) = property.Value is JObject { } value && (string?)value["type"] == "array" && value["items"] is JObject items
                ? (items, "Item")
                : (property.Value as JObject, "");
            if (inline != null && NeedsName(inline))
            {
                Hoist(schemas, inline, parent + Pascal(property.Name) + suffix, changes);
            }
            else if (inline != null && inline["$ref"] == null && inline["additionalProperties"] is JObject dictionaryValues && NeedsName(dictionaryValues))
            {
                Hoist(schemas, dictionaryValues, parent + Pascal(property.Name) + "Value", changes);
            }
        }
    }

    // An inline schema NSwag generates a type for: an object with properties, an enum, or a composition. Not the
    // OpenAPI 3.0 idiom for a described reference, allOf: [ { $ref } ], which NSwag reads as the referenced type; and
    // not a discriminated oneOf/anyOf: hoisted, NSwag 14.7 still types the property with its old inline name
    // (SavePretrainedModelRequest.input: 'Input', never generated), so those wait for the typed-variants rule.
    private static bool NeedsName(JObject schema) =>
        schema["$ref"] == null && schema["discriminator"] == null
        && (schema["properties"] is JObject || schema["enum"] is JArray || schema["anyOf"] is JArray || schema["oneOf"] is JArray
            || schema["allOf"] is JArray { Count: > 1 } || (schema["allOf"] is JArray { Count: 1 } only && only[0]["$ref"] == null));

    private static void Hoist(JObject schemas, JObject inline, string name, List<NormalizationChange> changes)
    {
        if (schemas[name] is { } existing && !JToken.DeepEquals(existing, inline))
        {
            changes.Add(new NormalizationChange(InlineSchemaNames, inline.Path, $"{inline.Path} left inline: {name} is taken"));
            return;
        }

        var location = inline.Path;
        schemas[name] = inline.DeepClone();
        inline.Replace(new JObject { ["$ref"] = $"#/components/schemas/{name}" });
        changes.Add(new NormalizationChange(InlineSchemaNames, location, name));
        NameWithin(schemas, name, schemas[name]!, changes);
    }

    /// <summary>"dsp-blocks" and "dspBlocks" both become "DspBlocks": parts split at anything not a letter or digit, each capitalised.</summary>
    internal static string Pascal(string name) =>
        string.Concat(System.Text.RegularExpressions.Regex.Split(name, "[^A-Za-z0-9]+").Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    // Every object that is a schema somewhere: components.schemas and everything nested in the spec with an allOf.
    private static IEnumerable<JObject> Schemas(JObject spec) => spec.DescendantsAndSelf().OfType<JObject>();
}
