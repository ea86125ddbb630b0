using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// The union rules: every <c>anyOf</c>/<c>oneOf</c> NSwag 14.7 would mistype becomes a schema it types right. NSwag
/// reads a union as its first member (a discriminated <c>oneOf</c> becomes its first variant, <c>string | boolean</c>
/// becomes <c>string</c>) or, for an <c>anyOf</c>, as an empty class, so whatever the Studio sends is lost or fails.
/// Three rules, in this order: <see cref="DiscriminatedUnions"/> (typed variants), <see cref="PrimitiveUnions"/>
/// (unions of values: one widened type, a hand-written union, or a JSON token) and <see cref="MergedUnions"/> (unions
/// of objects: one tolerant type with every member's properties). Run by <c>correct</c> after the overlay, so the
/// corrections (and the hand-written unions they declare) see the spec as <c>update</c> wrote it. A union with one
/// member (besides null) is left alone: NSwag reads it as that member, which is right.
/// </summary>
internal static class UnionRules
{
    /// <summary>What a union member is, once references are followed.</summary>
    internal enum MemberKind
    {
        /// <summary>An object (properties, allOf, or <c>type: object</c>).</summary>
        Object,

        /// <summary>A string, number, integer or boolean.</summary>
        Primitive,

        /// <summary>An array.</summary>
        Array,

        /// <summary>Anything (no type): NSwag's any type.</summary>
        Any,

        /// <summary>Itself a union, typed first.</summary>
        Union,
    }

    private static readonly string[] Keywords = ["oneOf", "anyOf"];

    // A fixed point: a rule may copy a union (a merged member's property) that the next pass then types.
    private const int MaxPasses = 8;

    public static IReadOnlyList<NormalizationChange> Apply(JObject spec)
    {
        var changes = new List<NormalizationChange>();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var before = changes.Count;
            DiscriminatedUnions.Apply(spec, changes);
            PrimitiveUnions.Apply(spec, changes);
            MergedUnions.Apply(spec, changes);
            if (changes.Count == before)
            {
                break;
            }
        }

        return changes;
    }

    /// <summary>
    /// Every schema in the spec with an <c>anyOf</c> or <c>oneOf</c> of two or more members besides null (or a
    /// discriminator), innermost first, so a union inside a member is typed before the member is.
    /// </summary>
    internal static IReadOnlyList<(JObject Schema, string Keyword)> Find(JObject spec) =>
        spec.Descendants().OfType<JObject>()
            .Where(o => !InExample(o))
            .Select(o => (Schema: o, Keyword: Keywords.FirstOrDefault(k => o[k] is JArray)))
            .Where(u => u.Keyword != null && (NonNullMembers(u.Schema, u.Keyword!).Count > 1 || u.Schema["discriminator"] is JObject))
            .Select(u => (u.Schema, u.Keyword!))
            .Reverse()
            .ToList();

    /// <summary>The members that are not just <c>null</c> (<c>type: 'null'</c>, <c>nullable</c> alone, <c>enum: [null]</c>).</summary>
    internal static IReadOnlyList<JObject> NonNullMembers(JObject union, string keyword) =>
        ((JArray)union[keyword]!).OfType<JObject>().Where(m => !IsNull(m)).ToList();

    /// <summary>Whether the union lets null through (a null member), which the replacement keeps as <c>nullable</c>.</summary>
    internal static bool AllowsNull(JObject union, string keyword) => ((JArray)union[keyword]!).OfType<JObject>().Any(IsNull);

    internal static MemberKind Kind(JObject spec, JObject member)
    {
        var schema = SchemaFacts.Resolve(spec, member) as JObject ?? new JObject();
        var type = (string?)schema["type"];
        if (Keywords.Any(k => schema[k] is JArray))
        {
            return MemberKind.Union;
        }

        if (schema["properties"] is JObject || schema["allOf"] is JArray || schema["additionalProperties"] is JObject || type == "object")
        {
            return MemberKind.Object;
        }

        return type switch
        {
            "array" => MemberKind.Array,
            "string" or "number" or "integer" or "boolean" => MemberKind.Primitive,
            _ when schema["enum"] is JArray => MemberKind.Primitive,
            _ => MemberKind.Any,
        };
    }

    /// <summary>A member's name for reports: the component it refers to, or its type.</summary>
    internal static string Name(JObject member) =>
        member["$ref"] is { Type: JTokenType.String } reference ? SchemaFacts.RefName((string)reference!) : (string?)member["type"] ?? "object";

    /// <summary>
    /// Where a schema is, for reports: <c>Component.path</c> for one under components, <c>operationId: path</c> for one
    /// in an operation.
    /// </summary>
    internal static string Place(JToken schema)
    {
        for (var current = schema; current != null; current = current.Parent)
        {
            if (current.Parent is JProperty { Parent: JObject { Parent: JProperty { Name: "schemas" } } } component)
            {
                return component.Name + Relative(current, schema);
            }

            if (current is JObject operation && operation["operationId"]?.Type == JTokenType.String && operation["responses"] != null)
            {
                return (string)operation["operationId"]! + " " + Relative(operation, schema).TrimStart('.');
            }
        }

        return schema.Path;
    }

    /// <summary>The component a schema is nested in and the property it is the value of (for names), if any.</summary>
    internal static (string? Component, string? Property) Owner(JToken schema)
    {
        var property = schema.Parent is JProperty { Parent: JObject { Parent: JProperty { Name: "properties" } } } named ? named.Name : null;
        for (var current = schema; current != null; current = current.Parent)
        {
            if (current.Parent is JProperty { Parent: JObject { Parent: JProperty { Name: "schemas" } } } component)
            {
                return (component.Name, property);
            }
        }

        return (null, property);
    }

    /// <summary>The component schema a node is (not nested in), or null.</summary>
    internal static string? ComponentName(JObject schema) =>
        schema.Parent is JProperty { Parent: JObject { Parent: JProperty { Name: "schemas" } } } component ? component.Name : null;

    /// <summary>Replaces a union's keyword (and discriminator) with <paramref name="replacement"/>'s keys, keeping its description, title and nullability.</summary>
    internal static void Replace(JObject union, string keyword, JObject replacement)
    {
        var nullable = AllowsNull(union, keyword);
        union.Remove(keyword);
        union.Remove("discriminator");
        union.Remove("type");
        foreach (var property in replacement.Properties().ToList())
        {
            union[property.Name] = property.Value.DeepClone();
        }

        if (nullable)
        {
            union["nullable"] = true;
        }
    }

    /// <summary>Adds a sentence to a schema's description.</summary>
    internal static void Describe(JObject schema, string sentence)
    {
        var existing = ((string?)schema["description"])?.TrimEnd();
        schema["description"] = string.IsNullOrEmpty(existing) ? sentence : existing + (existing.EndsWith('.') ? " " : ". ") + sentence;
    }

    private static string Relative(JToken from, JToken to) =>
        to == from ? "" : to.Path.Length > from.Path.Length && to.Path.StartsWith(from.Path, StringComparison.Ordinal) ? to.Path[from.Path.Length..] : "." + to.Path;

    private static bool IsNull(JObject member) =>
        (string?)member["type"] == "null"
        || (member.Count == 1 && member["nullable"]?.Type == JTokenType.Boolean && (bool)member["nullable"]!)
        || (member["enum"] is JArray { Count: 1 } only && only[0].Type == JTokenType.Null);

    private static bool InExample(JToken token)
    {
        for (var current = token.Parent; current != null; current = current.Parent)
        {
            // (A schema property may be named "default" too: that one is a schema.)
            if (current is JProperty { Name: "example" or "examples" or "default" or "x-edgeimpulse-one-of" } value && value.Parent?.Parent is not JProperty { Name: "properties" })
            {
                return true;
            }
        }

        return false;
    }
}
