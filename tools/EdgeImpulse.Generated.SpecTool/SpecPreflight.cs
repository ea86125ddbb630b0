using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// Checks, on the corrected spec the build hands to NSwag, for what NSwag cannot generate, and names the schema or
/// operation concerned: NSwag itself reports these as a bare exception ("The properties 'email', 'activated' are
/// defined multiple times.") or as code that does not compile, without saying where they came from.
/// </summary>
/// <remarks>
/// <see cref="SpecNormalizer"/> fixes each of these classes where it can; what it cannot fix (two referenced components
/// defining the same property) or a correction that reintroduces one ends up here, as a build error.
/// </remarks>
internal static class SpecPreflight
{
    public static IReadOnlyList<string> Check(JObject spec, string specName)
    {
        var errors = new List<string>();
        foreach (var schema in spec.DescendantsAndSelf().OfType<JObject>().Where(s => s["allOf"] is JArray))
        {
            var members = ((JArray)schema["allOf"]!).Select((m, i) => (Label: m["$ref"] is { Type: JTokenType.String } r ? SchemaFacts.RefName((string)r!) : $"allOf[{i}] (inline)", Names: SchemaFacts.PropertyNames(spec, m).Distinct().ToList()))
                .Append((Label: "its own properties", Names: (schema["properties"] as JObject)?.Properties().Select(p => p.Name).ToList() ?? []))
                .ToList();
            var repeated = members.SelectMany(m => m.Names.Select(n => (Name: n, m.Label)))
                .GroupBy(x => x.Name, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .ToList();
            if (repeated.Count > 0)
            {
                var detail = string.Join("; ", repeated.Select(g => $"'{g.Key}' in {string.Join(" and ", g.Select(x => x.Label))}"));
                errors.Add($"{SourceLocation.Of(schema, specName)}: schema '{SchemaFacts.Describe(schema)}': allOf defines a property more than once ({detail}); NSwag stops at this (\"defined multiple times\") or the class hides its base class's property. Make one definition win in a correction.");
            }
        }

        foreach (var field in spec.Descendants().OfType<JProperty>().Where(p => p.Name is "description" or "summary" or "title" && p.Value.Type == JTokenType.String))
        {
            var text = (string)field.Value!;
            var bad = text.Where(SchemaFacts.IsControl).Distinct().Select(c => $"U+{(int)c:X4}").ToList();
            if (bad.Count > 0)
            {
                errors.Add($"{SourceLocation.Of(field.Value, specName)}: {field.Value.Path} contains control character(s) {string.Join(", ", bad)}; NSwag cannot write them into doc comments.");
            }
        }

        foreach (var (path, method, operation) in SpecTrimmer.Operations(spec))
        {
            if (operation["responses"] is JObject responses && SchemaFacts.IsRedirectOnly(responses))
            {
                errors.Add($"{SourceLocation.Of(operation, specName)}: operation '{operation["operationId"]}' ({method.ToUpperInvariant()} {path}) declares only redirect responses ({string.Join(", ", responses.Properties().Select(p => p.Name))}); NSwag generates SendAsync<void>, which does not compile. Declare the result the redirect leads to.");
            }
        }

        return errors;
    }
}
