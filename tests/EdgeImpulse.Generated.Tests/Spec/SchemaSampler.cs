using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Tests.Spec;

/// <summary>
/// Builds a JSON value from an OpenAPI schema with every property filled by a type-correct value: <c>$ref</c>s resolved,
/// enums from their values, allOf merged, union variants merged (a discriminated one takes its first mapping), arrays with
/// one element, int64 values beyond 32 bits, recursion cut where a schema would contain itself. A union takes its last
/// variant (the last discriminator mapping; all object variants merged), so a union typed as its first variant is seen.
/// </summary>
internal sealed class SchemaSampler(JObject document)
{
    /// <summary>A date-time as the Studio writes them (UTC, milliseconds).</summary>
    public const string DateTime = "2026-01-02T03:04:05.678Z";

    public const string Date = "2026-01-02";

    /// <summary>An int64 that does not fit an int32, so a 32-bit type for a 64-bit field fails.</summary>
    public const long Int64 = 1L << 40;

    // A guard only: recursion is cut where a $ref would repeat on its own path.
    /// <summary>The one member a map (an object with only <c>additionalProperties</c>) gets; nothing else invents names.</summary>
    public const string AdditionalKey = "key1";

    // Markers on the $ref path: a discriminated base being dispatched to a subclass, and its members sampled once.
    private const string Dispatched = "dispatched:";
    private const string Plain = "plain:";

    private const int MaxDepth = 64;

    /// <summary>A value for the schema, or null when there is none (a schema that only contains itself).</summary>
    public JToken? Sample(JToken? schema, string hint = "value") => Sample(schema, hint, [], 0);

    /// <summary>
    /// A parameter value: like <see cref="Sample(JToken?, string)"/>, but numbers and strings are distinct per parameter
    /// (<paramref name="ordinal"/>) and URL-safe, so a path filled from the wrong parameter is seen.
    /// </summary>
    public JToken? SampleParameter(JToken? schema, string name, int ordinal)
    {
        var resolved = Resolve(schema);
        return (Type(resolved), (string?)resolved?["format"], resolved?["enum"]) switch
        {
            ("integer", "int64", null) => Int64 + ordinal,
            ("integer", _, null) => 100 + ordinal,
            ("string", null, null) => $"{name}-{ordinal}",
            _ => Sample(resolved, name),
        };
    }

    public JToken? Resolve(JToken? schema)
    {
        for (var hops = 0; schema is JObject { } s && s["$ref"] is JValue reference; hops++)
        {
            schema = hops < 32 ? Pointer((string)reference!) : throw new InvalidOperationException($"$ref loop at {reference}");
        }

        return schema;
    }

    private JToken Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only local $refs are supported: {reference}");
        }

        JToken? target = document;
        foreach (var part in reference[2..].Split('/'))
        {
            target = target?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return target ?? throw new InvalidOperationException($"Dangling $ref {reference}");
    }

    private static string? Type(JToken? schema) => schema?["type"] switch
    {
        JValue single => (string?)single,
        JArray several => several.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private JToken? Sample(JToken? schema, string hint, IReadOnlyList<string> refs, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (schema is JValue { Type: JTokenType.Boolean } anything)
        {
            return (bool)anything ? "any" : null;
        }

        if (schema is not JObject s)
        {
            return null;
        }

        if (s["$ref"] is JValue reference)
        {
            var name = (string)reference!;
            if (!refs.Contains(name))
            {
                return Sample(Pointer(name), hint, [.. refs, name], depth + 1);
            }

            // A subclass's allOf names its discriminated base again: that base's own members, once, without dispatching.
            return refs.Contains(Dispatched + name) && !refs.Contains(Plain + name)
                ? Sample(Rest((JObject)Pointer(name), "discriminator") ?? new JObject(), hint, [.. refs, Plain + name], depth + 1)
                : null;
        }

        if (s["enum"] is JArray values && values.FirstOrDefault(v => v.Type != JTokenType.Null) is { } first)
        {
            return first.DeepClone();
        }

        if (s["allOf"] is JArray parts)
        {
            return Merge(parts.Append(Rest(s, "allOf")).Select(p => Sample(p, hint, refs, depth + 1)));
        }

        if ((s["oneOf"] ?? s["anyOf"]) is JArray variants)
        {
            return Union(s, variants, hint, refs, depth);
        }

        // A base whose discriminator maps to subclasses (allOf the base): its last subclass, the discriminator set.
        if (s["discriminator"] is JObject { } inheritance && (string?)inheritance["propertyName"] is { } discriminatorName
            && (inheritance["mapping"] as JObject)?.Properties().LastOrDefault() is { } subclass && refs.Count > 0)
        {
            var instance = Sample(new JObject { ["$ref"] = (string)subclass.Value! }, hint, [.. refs, Dispatched + refs[^1]], depth + 1) as JObject ?? new JObject();
            instance[discriminatorName] = subclass.Name;
            return instance;
        }

        switch (Type(s) ?? (s["properties"] is not null || s["additionalProperties"] is not null ? "object" : s["items"] is not null ? "array" : null))
        {
            case "string":
                return (string?)s["format"] switch
                {
                    "date-time" => DateTime,
                    "date" => Date,
                    "byte" => Convert.ToBase64String([1, 2, 3]),
                    _ => hint,
                };
            case "integer":
                return (string?)s["format"] == "int64" ? Int64 : 3;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "array":
                return Sample(s["items"], hint, refs, depth + 1) is { } item ? new JArray(item) : new JArray();
            case "object":
                return Object(s, refs, depth);
            default:
                return "any";
        }
    }

    private JObject Object(JObject s, IReadOnlyList<string> refs, int depth)
    {
        var result = new JObject();
        foreach (var property in (s["properties"] as JObject)?.Properties() ?? [])
        {
            if (Sample(property.Value, property.Name, refs, depth + 1) is { } value)
            {
                result[property.Name] = value;
            }
        }

        if (s["properties"] is null && s["additionalProperties"] is { } extra and not JValue { Type: JTokenType.Boolean, Value: false })
        {
            result[AdditionalKey] = Sample(extra, AdditionalKey, refs, depth + 1) ?? "any";
        }

        return result;
    }

    // A union (oneOf/anyOf): a discriminated one is its last mapped variant with the discriminator set; otherwise the
    // variants are merged when they are all objects (the tolerant type keeps every member), else the last one is taken.
    private JToken? Union(JObject s, JArray variants, string hint, IReadOnlyList<string> refs, int depth)
    {
        if (s["discriminator"] is JObject discriminator && (string?)discriminator["propertyName"] is { } property)
        {
            var mapped = (discriminator["mapping"] as JObject)?.Properties().LastOrDefault();
            var target = mapped is not null ? (string)mapped.Value! : variants.Select(v => (string?)v["$ref"]).Last(r => r is not null)!;
            var tag = mapped?.Name ?? target[(target.LastIndexOf('/') + 1)..];
            var variant = Sample(new JObject { ["$ref"] = target }, hint, refs, depth + 1) as JObject ?? new JObject();
            variant[property] = tag;
            return Merge([variant, Sample(Rest(s, "oneOf", "anyOf", "discriminator"), hint, refs, depth + 1)]);
        }

        var samples = variants.Select(v => Sample(v, hint, refs, depth + 1)).Where(v => v is not null).ToList();
        return samples.Count > 0 && samples.All(v => v is JObject) ? Merge(samples) : samples.LastOrDefault();
    }

    // What a schema says besides its composition keywords, when that is a shape of its own (not just a description).
    private static JObject? Rest(JObject schema, params string[] keywords)
    {
        var copy = (JObject)schema.DeepClone();
        foreach (var keyword in keywords)
        {
            copy.Remove(keyword);
        }

        string[] shapes = ["type", "properties", "additionalProperties", "items", "$ref", "enum", "allOf", "oneOf", "anyOf"];
        return shapes.Any(copy.ContainsKey) ? copy : null;
    }

    private static JToken? Merge(IEnumerable<JToken?> parts)
    {
        var present = parts.Where(p => p is not null).ToList();
        if (present.Count > 0 && present.All(p => p is JObject))
        {
            var merged = new JObject();
            foreach (var property in present.Cast<JObject>().SelectMany(o => o.Properties()))
            {
                merged[property.Name] = property.Value.DeepClone();
            }

            return merged;
        }

        // allOf around one non-object (a $ref to an enum or a number with a description sibling).
        return present.FirstOrDefault(p => p is not JObject { Count: 0 });
    }
}
