using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// A <c>oneOf</c> with a discriminator becomes typed variants: a base schema that holds the discriminator (property and
/// an explicit mapping), and each variant component <c>allOf: [ base, its own properties ]</c>. NSwag then generates
/// a base class carrying <c>JsonInheritanceConverter</c> and one subclass per variant, so each payload deserializes to
/// its own type (NSwag 14.7 reads the <c>oneOf</c> as its first variant). The discriminator property moves to the
/// base (the converter reads and writes it). A value whose discriminator this client does not know reads as the base
/// class with every field in its AdditionalProperties (Custom/Serialization/JsonInheritanceConverter.cs).
/// </summary>
/// <remarks>
/// The base is the union itself when it is a component; otherwise a new component named after the variants' common
/// prefix (<c>DeployPretrainedModelInputTimeSeries</c>, <c>...Audio</c> → <c>DeployPretrainedModelInput</c>), or after
/// the property holding it. Unions with the same variants and mapping share one base, and so does a union over some of
/// a base's variants with the same keys (it is typed as that base; larger unions are typed first). The mapping is made explicit
/// (implicit keys are the variants' wire names, which <c>--dotnet-naming</c> would otherwise change). A union whose
/// variants cannot become subclasses (an inline variant, one that already has a base, a name that is taken) loses its
/// discriminator and is left to <see cref="MergedUnions"/>, which keeps every field too; the report says why.
/// </remarks>
internal static class DiscriminatedUnions
{
    public const string Rule = "discriminated-union-variants";

    private const string SchemaPrefix = "#/components/schemas/";

    public static void Apply(JObject spec, List<NormalizationChange> changes)
    {
        if (spec.SelectToken("components.schemas") is not JObject schemas)
        {
            return;
        }

        // Larger unions first, so a smaller one over some of the same variants (LastUpdatedByDatasetVersionRestore.actor
        // inside Sample.lastUpdatedBy's variants) finds their base made and reuses it.
        var unions = UnionRules.Find(spec).Where(u => u.Schema["discriminator"] is JObject)
            .OrderByDescending(u => UnionRules.NonNullMembers(u.Schema, u.Keyword).Count).ToList();
        foreach (var (union, keyword) in unions)
        {
            if (!ReferenceEquals(union.Root, spec))
            {
                continue;
            }

            var place = UnionRules.Place(union);
            var propertyName = (string?)union["discriminator"]!["propertyName"];
            var refusal = propertyName == null ? "its discriminator names no property" : null;
            List<(string Key, string Variant)> mapping = [];
            string? baseName = null;
            JObject? baseSchema = null;
            if (refusal == null)
            {
                (mapping, refusal) = Mapping(schemas, union, keyword, propertyName!);
            }

            if (refusal == null)
            {
                baseSchema = Base(union, propertyName!, mapping);
                (baseName, refusal) = BaseName(schemas, union, mapping, baseSchema);
            }

            if (refusal == null)
            {
                refusal = mapping.Select(m => Eligible(schemas, m.Variant, baseName!)).FirstOrDefault(r => r != null);
            }

            if (refusal != null)
            {
                union.Remove("discriminator");
                changes.Add(new NormalizationChange(Rule, union.Path, $"{place}: left to {MergedUnions.Rule}: {refusal}"));
                continue;
            }

            foreach (var variant in mapping.Select(m => m.Variant).Distinct(StringComparer.Ordinal))
            {
                Derive(schemas, variant, baseName!, propertyName!);
            }

            var variants = string.Join(", ", mapping.Select(m => $"{m.Key} -> {m.Variant}"));
            if (UnionRules.ComponentName(union) == baseName)
            {
                var description = (string?)union["description"];
                UnionRules.Replace(union, keyword, baseSchema!);
                union["description"] = description ?? baseSchema!["description"];
                if (description != null)
                {
                    UnionRules.Describe(union, (string)baseSchema!["description"]!);
                }

                changes.Add(new NormalizationChange(Rule, union.Path, $"{place}: base of {variants}"));
                continue;
            }

            schemas[baseName!] ??= baseSchema;
            var nullable = UnionRules.AllowsNull(union, keyword);
            var kept = (string?)union["description"];
            union.RemoveAll();
            if (kept != null)
            {
                union["description"] = kept;
                union["allOf"] = new JArray(new JObject { ["$ref"] = SchemaPrefix + baseName });
            }
            else
            {
                union["$ref"] = SchemaPrefix + baseName;
            }

            if (nullable)
            {
                union["nullable"] = true;
            }

            changes.Add(new NormalizationChange(Rule, union.Path, $"{place}: {baseName} ({variants})"));
        }
    }

    // The variants with their discriminator values: the spec's mapping first, then each member it leaves out, keyed by
    // the single value its discriminator property allows, or else by its name (OpenAPI's implicit mapping).
    private static (List<(string Key, string Variant)> Mapping, string? Refusal) Mapping(JObject schemas, JObject union, string keyword, string propertyName)
    {
        var mapping = new List<(string Key, string Variant)>();
        foreach (var entry in (union["discriminator"]!["mapping"] as JObject)?.Properties() ?? [])
        {
            if (entry.Value.Type != JTokenType.String)
            {
                return (mapping, $"its mapping for '{entry.Name}' is not a schema name");
            }

            var target = (string)entry.Value!;
            mapping.Add((entry.Name, target.StartsWith(SchemaPrefix, StringComparison.Ordinal) ? target[SchemaPrefix.Length..] : target));
        }

        foreach (var member in UnionRules.NonNullMembers(union, keyword))
        {
            if (member["$ref"] is not { Type: JTokenType.String } reference || !((string)reference!).StartsWith(SchemaPrefix, StringComparison.Ordinal))
            {
                return (mapping, "a variant is inline, not a component");
            }

            var name = ((string)reference!)[SchemaPrefix.Length..];
            if (mapping.Any(m => m.Variant == name))
            {
                continue;
            }

            mapping.Add((ImplicitKey(schemas, name, propertyName), name));
        }

        var duplicate = mapping.GroupBy(m => m.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate != null ? (mapping, $"'{duplicate.Key}' maps to more than one variant") : (mapping, null);
    }

    // The single value the variant's discriminator property allows, else its name. A variant this rule already derived
    // (for an identical union) no longer has the property: its base's mapping has the key.
    private static string ImplicitKey(JObject schemas, string variant, string propertyName)
    {
        if (schemas[variant]?["allOf"]?[0]?["$ref"] is { Type: JTokenType.String } baseReference
            && schemas[SchemaFacts.RefName((string)baseReference!)]?["discriminator"]?["mapping"] is JObject baseMapping
            && baseMapping.Properties().FirstOrDefault(p => (string?)p.Value == SchemaPrefix + variant) is { } mapped)
        {
            return mapped.Name;
        }

        var values = (schemas[variant]?["properties"]?[propertyName]?["enum"] as JArray)?.Select(v => (string?)v).ToList();
        return values is [{ } only] ? only : variant;
    }

    private static JObject Base(JObject union, string propertyName, List<(string Key, string Variant)> mapping)
    {
        var variants = mapping.Select(m => m.Variant).Distinct(StringComparer.Ordinal).ToList();
        return new JObject
        {
            ["type"] = "object",
            ["description"] = $"One of {string.Join(", ", variants)}, told apart by '{propertyName}' (a discriminated oneOf in the spec; the SpecTool's {Rule} rule makes each variant a subclass). " +
                $"A value whose '{propertyName}' this client does not know reads as this type, with all its fields in AdditionalProperties.",
            ["required"] = new JArray(propertyName),
            ["properties"] = new JObject
            {
                [propertyName] = new JObject
                {
                    ["type"] = "string",
                    ["description"] = "Which variant: " + string.Join(", ", mapping.Select(m => $"'{m.Key}' ({m.Variant})")) + ".",
                },
            },
            ["discriminator"] = new JObject
            {
                ["propertyName"] = propertyName,
                ["mapping"] = new JObject(mapping.Select(m => new JProperty(m.Key, SchemaPrefix + m.Variant))),
            },
        };
    }

    // The union itself when it is a component; else the variants' common prefix (at a word boundary), or the owning
    // component and property. A name taken by another schema is passed over (the same base, from an identical union, is reused).
    private static (string? Name, string? Refusal) BaseName(JObject schemas, JObject union, List<(string Key, string Variant)> mapping, JObject baseSchema)
    {
        if (UnionRules.ComponentName(union) is { } own)
        {
            return (own, null);
        }

        var variants = mapping.Select(m => m.Variant).Distinct(StringComparer.Ordinal).ToList();
        if (SharedBase(schemas, variants) is { } shared && schemas[shared]?["discriminator"]?["mapping"] is JObject sharedMapping
            && mapping.All(m => (string?)sharedMapping[m.Key] == SchemaPrefix + m.Variant))
        {
            return (shared, null); // some of an existing base's variants, with the same keys: that base types it
        }

        var (component, property) = UnionRules.Owner(union);
        var candidates = new List<string>();
        if (CommonPrefix(variants) is { Length: >= 3 } prefix && !variants.Contains(prefix, StringComparer.Ordinal))
        {
            candidates.Add(prefix);
        }

        if (component != null && property != null)
        {
            candidates.Add(component + SpecNormalizer.Pascal(property));
            candidates.Add(component + SpecNormalizer.Pascal(property) + "Variant");
        }

        foreach (var candidate in candidates)
        {
            if (schemas[candidate] == null || JToken.DeepEquals(schemas[candidate], baseSchema))
            {
                return (candidate, null);
            }
        }

        return (null, candidates.Count == 0 ? "no name for its base (no common prefix, no owning property)" : $"every name for its base is taken ({string.Join(", ", candidates)})");
    }

    // The one base every variant already derives from (this rule's allOf), if they share one.
    private static string? SharedBase(JObject schemas, List<string> variants)
    {
        var bases = variants.Select(v => schemas[v]?["allOf"]?[0]?["$ref"] is { Type: JTokenType.String } reference ? SchemaFacts.RefName((string)reference!) : null).Distinct().ToList();
        return bases is [{ } only] ? only : null;
    }

    private static string CommonPrefix(List<string> names)
    {
        var length = names.Min(n => n.Length);
        var common = 0;
        while (common < length && names.All(n => n[common] == names[0][common]))
        {
            common++;
        }

        // Back to a word boundary: every name continues with a capital letter or a digit.
        while (common > 0 && !names.All(n => n.Length > common && (char.IsUpper(n[common]) || char.IsDigit(n[common]))))
        {
            common--;
        }

        return names[0][..common];
    }

    // Null when the variant can become a subclass of the base: a plain object component, or one this rule already derived from it.
    private static string? Eligible(JObject schemas, string variant, string baseName)
    {
        if (schemas[variant] is not JObject schema)
        {
            return $"variant {variant} is not a component schema";
        }

        if (schema["allOf"] is JArray allOf)
        {
            return allOf.Count == 2 && (string?)allOf[0]["$ref"] == SchemaPrefix + baseName ? null : $"variant {variant} already has a base (allOf)";
        }

        return schema["anyOf"] != null || schema["oneOf"] != null || !(schema["properties"] is JObject || (string?)schema["type"] == "object")
            ? $"variant {variant} is not a plain object"
            : null;
    }

    private static void Derive(JObject schemas, string variant, string baseName, string propertyName)
    {
        var schema = (JObject)schemas[variant]!;
        if (schema["allOf"] is JArray)
        {
            return; // derived already, for an identical union
        }

        var own = (JObject)schema.DeepClone();
        var derived = new JObject();
        foreach (var kept in new[] { "description", "title", "deprecated" })
        {
            if (own[kept] is { } value)
            {
                derived[kept] = value;
                own.Remove(kept);
            }
        }

        // The discriminator belongs to the base now: the converter writes it from the type.
        (own["properties"] as JObject)?.Remove(propertyName);
        if (own["required"] is JArray required)
        {
            foreach (var entry in required.Where(r => (string?)r == propertyName).ToList())
            {
                entry.Remove();
            }

            if (required.Count == 0)
            {
                own.Remove("required");
            }
        }

        if ((own["properties"] as JObject)?.Count == 0)
        {
            own.Remove("properties");
        }

        own["type"] = "object";
        derived["allOf"] = new JArray(new JObject { ["$ref"] = SchemaPrefix + baseName }, own);
        schema.Replace(derived);
    }
}
