using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// A union of values rather than objects (<c>string | boolean</c>, <c>number | string</c>, or a mix with arrays), which
/// NSwag 14.7 types as its first member (<c>string</c>), so the other values fail the whole response. In this order:
/// <list type="number">
/// <item>members of one type (<c>integer | number</c> counts as <c>number</c>) become that type, their enums merged;</item>
/// <item>a hand-written union declared for the same set of types (a component with <c>x-edgeimpulse-one-of</c> listing
/// them, kept out of NSwag's reach by nswag.json's excludedTypeNames, e.g. <c>BlockThresholdValue</c> for
/// <c>number | string</c>) is referenced, so the same wire value has the same .NET type everywhere;</item>
/// <item>anything else becomes a schema without a type, which NSwag generates as its any type (<c>JToken</c>): every
/// value is kept as sent, a JSON <c>null</c> too, and the description says which types to expect. A hand-written type
/// per combination would be a new public type for a single field; the JSON token is honest about what the spec says
/// (<c>token.Type</c> tells which it is) and a later hand-written union can take over with one declaration.</item>
/// </list>
/// </summary>
internal static class PrimitiveUnions
{
    public const string Rule = "primitive-unions";

    /// <summary>The extension by which a component declares itself a hand-written union of the listed member types.</summary>
    public const string HandWrittenUnionExtension = "x-edgeimpulse-one-of";

    public static void Apply(JObject spec, List<NormalizationChange> changes)
    {
        var handWritten = HandWrittenUnions(spec);
        foreach (var (union, keyword) in UnionRules.Find(spec).Where(u => u.Schema["discriminator"] == null))
        {
            if (!ReferenceEquals(union.Root, spec))
            {
                continue;
            }

            var members = UnionRules.NonNullMembers(union, keyword);
            var kinds = members.Select(m => UnionRules.Kind(spec, m)).ToList();
            if (kinds.Contains(UnionRules.MemberKind.Union) || kinds.All(k => k == UnionRules.MemberKind.Object))
            {
                continue; // an inner union first; objects are MergedUnions' work
            }

            var place = UnionRules.Place(union);
            var resolved = members.Select(m => SchemaFacts.Resolve(spec, m) as JObject ?? new JObject()).ToList();
            var types = resolved.Select(r => (string?)r["type"] switch { "integer" => "number", null => "any", var t => t }).ToList();
            var shown = string.Join(" | ", members.Select(UnionRules.Name));
            if (kinds.All(k => k == UnionRules.MemberKind.Primitive) && types.Distinct(StringComparer.Ordinal).Count() == 1 && types[0] != "any")
            {
                var widened = new JObject { ["type"] = resolved.All(r => (string?)r["type"] == "integer") ? "integer" : types[0] };
                if (resolved.All(r => r["enum"] is JArray))
                {
                    widened["enum"] = new JArray(resolved.SelectMany(r => r["enum"]!).Distinct(JToken.EqualityComparer).Select(v => v.DeepClone()));
                }

                UnionRules.Replace(union, keyword, widened);
                changes.Add(new NormalizationChange(Rule, union.Path, $"{place}: {shown} -> {widened["type"]}"));
                continue;
            }

            var set = types.ToHashSet(StringComparer.Ordinal);
            var match = handWritten.FirstOrDefault(h => h.Types.SetEquals(set));
            if (match.Name != null)
            {
                var description = (string?)union["description"];
                var nullable = UnionRules.AllowsNull(union, keyword);
                union.RemoveAll();
                if (description != null)
                {
                    union["description"] = description;
                }

                if (nullable)
                {
                    union["nullable"] = true;
                }

                union["allOf"] = new JArray(new JObject { ["$ref"] = "#/components/schemas/" + match.Name });
                changes.Add(new NormalizationChange(Rule, union.Path, $"{place}: {shown} -> {match.Name} (hand-written)"));
                continue;
            }

            UnionRules.Replace(union, keyword, new JObject());
            UnionRules.Describe(union, $"One of: {string.Join(", ", types.Distinct(StringComparer.Ordinal))} (a JSON token: its Type says which).");
            changes.Add(new NormalizationChange(Rule, union.Path, $"{place}: {shown} -> any (JSON token)"));
        }
    }

    // Components declaring a hand-written union: their name and the set of member types they list.
    private static List<(string Name, HashSet<string> Types)> HandWrittenUnions(JObject spec) =>
        (spec.SelectToken("components.schemas") as JObject)?.Properties()
            .Where(p => p.Value[HandWrittenUnionExtension] is JArray members && members.All(m => m is JObject { } o && o["type"]?.Type == JTokenType.String))
            .Select(p => (p.Name, ((JArray)p.Value[HandWrittenUnionExtension]!).Select(m => (string)m["type"]! switch { "integer" => "number", var t => t }).ToHashSet(StringComparer.Ordinal)))
            .ToList() ?? [];
}
