using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// An <c>anyOf</c>/<c>oneOf</c> of objects without a discriminator (batchDelete's <c>GenericApiResponse |
/// StartJobResponse</c>: a job id only when the Studio started a job) becomes one tolerant object type, because
/// nothing on the wire says which member a payload is. NSwag 14.7 makes an <c>anyOf</c> an empty class (every field
/// lost) and a <c>oneOf</c> its first member. The merged type has every member's properties; a property is required
/// only when every member requires it; a property the members type differently is widened to a schema without a type
/// (NSwag's any type, a <c>JToken</c>), so nothing the Studio sends is lost or fails. When every member is or inherits
/// from one component (<c>GenericApiResponse</c>), the merged type inherits from it too (<c>allOf</c>), like the
/// members do, and repeats none of its properties.
/// </summary>
internal static class MergedUnions
{
    public const string Rule = "merged-unions";

    private const string SchemaPrefix = "#/components/schemas/";

    public static void Apply(JObject spec, List<NormalizationChange> changes)
    {
        foreach (var (union, keyword) in UnionRules.Find(spec).Where(u => u.Schema["discriminator"] == null))
        {
            if (!ReferenceEquals(union.Root, spec))
            {
                continue;
            }

            var members = UnionRules.NonNullMembers(union, keyword);
            if (!members.All(m => UnionRules.Kind(spec, m) == UnionRules.MemberKind.Object))
            {
                continue;
            }

            var chains = members.Select(m => Bases(spec, m, [])).ToList();
            var common = chains[0].FirstOrDefault(name => chains.All(c => c.Contains(name, StringComparer.Ordinal)));
            var inherited = common != null ? Flatten(spec, Reference(common), []).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) : [];

            // The union's own properties (beside its anyOf) are always there: a member like the others.
            var own = new JObject { ["properties"] = union["properties"]?.DeepClone(), ["required"] = union["required"]?.DeepClone() };
            var flattened = members.Select(m => (Name: UnionRules.Name(m), Flat: Flatten(spec, m, [])))
                .Prepend((Name: "its own properties", Flat: Flatten(spec, own, []))).Where(f => f.Name != "its own properties" || f.Flat.Properties.Count > 0).ToList();

            var definitions = new Dictionary<string, List<(string Member, JToken Schema)>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var (name, flat) in flattened)
            {
                foreach (var property in flat.Properties.Where(p => !inherited.Contains(p.Name)))
                {
                    if (!definitions.TryGetValue(property.Name, out var list))
                    {
                        definitions[property.Name] = list = [];
                        order.Add(property.Name);
                    }

                    list.Add((name, property.Value));
                }
            }

            var properties = new JObject();
            var widened = new List<string>();
            foreach (var name in order)
            {
                var definitionsOfName = definitions[name];
                if (definitionsOfName.All(d => JToken.DeepEquals(d.Schema, definitionsOfName[0].Schema)))
                {
                    properties[name] = definitionsOfName[0].Schema.DeepClone();
                    continue;
                }

                widened.Add(name);
                properties[name] = new JObject
                {
                    ["description"] = $"Typed differently by the members ({string.Join("; ", definitionsOfName.Select(d => $"{TypeOf(d.Schema)} in {d.Member}"))}): a JSON token, whose Type says which.",
                };
            }

            var required = order.Where(name => flattened.All(f => f.Flat.Required.Contains(name))).ToList();
            var merged = new JObject { ["type"] = "object" };
            if (required.Count > 0)
            {
                merged["required"] = new JArray(required);
            }

            merged["properties"] = properties;
            var shown = string.Join(" | ", members.Select(UnionRules.Name));
            var place = UnionRules.Place(union);
            union.Remove("properties");
            union.Remove("required");
            UnionRules.Replace(union, keyword, common != null ? new JObject { ["allOf"] = new JArray(Reference(common), merged) } : merged);
            UnionRules.Describe(union, $"{(keyword == "oneOf" ? "One" : "Any")} of {string.Join(", ", members.Select(UnionRules.Name))} ({keyword} in the spec, without a discriminator; merged by the SpecTool: a field only some of them have is optional).");
            var details = $"{place}: {keyword} {shown} -> one type with {properties.Count} properties" + (common != null ? $" inheriting {common}" : "")
                + (widened.Count > 0 ? $"; widened to JSON tokens: {string.Join(", ", widened)}" : "");
            changes.Add(new NormalizationChange(Rule, union.Path, details));
        }
    }

    private static JObject Reference(string component) => new() { ["$ref"] = SchemaPrefix + component };

    // The components a member is or inherits from (through allOf references), nearest first.
    private static List<string> Bases(JObject spec, JToken member, HashSet<JToken> visiting)
    {
        var bases = new List<string>();
        if (member is JObject { } reference && reference["$ref"] is { Type: JTokenType.String } target && ((string)target!).StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            bases.Add(((string)target!)[SchemaPrefix.Length..]);
        }

        if (SchemaFacts.Resolve(spec, member) is JObject schema && visiting.Add(schema))
        {
            foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? [])
            {
                bases.AddRange(Bases(spec, part, visiting));
            }
        }

        return bases;
    }

    // Every property a member defines (its own and through allOf, references followed) and the names it requires.
    private static (List<JProperty> Properties, HashSet<string> Required) Flatten(JObject spec, JToken member, HashSet<JToken> visiting)
    {
        var properties = new List<JProperty>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (SchemaFacts.Resolve(spec, member) is not JObject schema || !visiting.Add(schema))
        {
            return (properties, required);
        }

        foreach (var part in (schema["allOf"] as JArray)?.OfType<JObject>() ?? [])
        {
            var (inner, innerRequired) = Flatten(spec, part, visiting);
            properties.AddRange(inner.Where(p => properties.All(q => q.Name != p.Name)));
            required.UnionWith(innerRequired);
        }

        foreach (var property in (schema["properties"] as JObject)?.Properties() ?? [])
        {
            properties.RemoveAll(p => p.Name == property.Name);
            properties.Add(property);
        }

        required.UnionWith((schema["required"] as JArray)?.Select(r => (string?)r).OfType<string>() ?? []);
        return (properties, required);
    }

    private static string TypeOf(JToken schema) =>
        schema is JObject { } o ? (o["$ref"] is { } r ? SchemaFacts.RefName((string)r!) : (string?)o["type"] ?? "any") : "any";
}
