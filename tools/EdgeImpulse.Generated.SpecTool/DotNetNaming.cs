using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// The ".NET naming" rules (<see cref="NormalizerOptions.DotNetNaming"/>): the spec's own names, as NSwag would copy
/// them, become names that read like .NET — <c>Raw data</c> → <c>RawData</c> (tag, so <c>RawDataClient</c>),
/// <c>DSPConfig</c> → <c>DspConfig</c>, <c>JobStateEnum</c> → <c>JobState</c>, <c>dspGetFeaturesForSample</c> on
/// <c>DspClient</c> → <c>GetFeaturesForSample</c>, a string query parameter documented as 'true'/'false' → a boolean.
/// The wire never changes: paths, property names, enum values and query values stay as they are (a boolean query value
/// is written "true"/"false"); a renamed operation keeps its upstream operationId in <see cref="WireOperationIdExtension"/>.
/// A rename that would collide with another name is not made and is reported.
/// </summary>
internal static class DotNetNaming
{
    public const string TagNames = "dotnet-tag-names";
    public const string SchemaNames = "dotnet-schema-names";
    public const string OperationNames = "dotnet-operation-names";
    public const string StringBooleans = "dotnet-string-booleans";
    public const string EnumMemberNames = "dotnet-enum-member-names";
    public const string PathParameterNames = "dotnet-path-parameter-names";

    /// <summary>The member names of an enum, one per value, in order (NJsonSchema's own extension; the values stay the wire's).</summary>
    public const string EnumNamesExtension = "x-enumNames";

    /// <summary>Where a renamed operation keeps the operationId the Studio and its docs use.</summary>
    public const string WireOperationIdExtension = "x-wire-operation-id";

    private const string SchemaPrefix = "#/components/schemas/";

    // A word: an acronym before a capitalised word (the "DSP" of "DSPConfig"), a capitalised or lower-case word, an
    // acronym at the end, or digits.
    private static readonly Regex Words = new("[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", RegexOptions.CultureInvariant);

    // "If set to 'true', ..." / "'true' or 'false'": prose that says a string parameter is really a flag.
    private static readonly Regex BooleanProse = new("""set to ['"`]?(true|false)\b|\btrue['"`]? or ['"`]?false\b""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static void Apply(JObject spec, List<NormalizationChange> changes)
    {
        RenameTags(spec, changes);
        RenameSchemas(spec, changes);
        RenameOperations(spec, changes);
        TypeStringBooleans(spec, changes);
        NameEnumMembers(spec, changes);
        RenamePathParameters(spec, changes);
    }

    /// <summary>
    /// .NET casing of one name: split into words (at separators, case changes and digits), each word capitalised with the
    /// rest lower-case, except a two-letter acronym, which .NET keeps upper-case (<c>IO</c>, <c>AI</c>):
    /// <c>DSPConfig</c> → <c>DspConfig</c>, <c>Raw data</c> → <c>RawData</c>, <c>AIActions</c> → <c>AIActions</c>.
    /// </summary>
    internal static string Casing(string name) =>
        string.Concat(Words.Matches(name).Select(m => m.Value).Select(word =>
            word.Length == 2 && word.All(char.IsUpper) ? word : char.ToUpperInvariant(word[0]) + (word.All(c => char.IsUpper(c) || char.IsDigit(c)) ? word[1..].ToLowerInvariant() : word[1..])));

    /// <summary>PascalCase tags: NSwag names each client after its first tag (<c>Raw data</c> would give <c>Raw_dataClient</c>).</summary>
    private static void RenameTags(JObject spec, List<NormalizationChange> changes)
    {
        var renames = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, _, operation) in SpecTrimmer.Operations(spec))
        {
            if (operation["tags"] is JArray tags)
            {
                foreach (var tag in tags.OfType<JValue>().Where(t => t.Type == JTokenType.String).ToList())
                {
                    var name = (string)tag!;
                    var renamed = Casing(name);
                    if (renamed.Length > 0 && renamed != name)
                    {
                        renames[name] = renamed;
                        tag.Value = renamed;
                    }
                }
            }
        }

        foreach (var declared in (spec["tags"] as JArray)?.OfType<JObject>() ?? [])
        {
            if (declared["name"] is JValue { Type: JTokenType.String } tagName && Casing((string)tagName!) is { Length: > 0 } renamed && renamed != (string)tagName!)
            {
                renames[(string)tagName!] = renamed;
                tagName.Value = renamed;
            }
        }

        foreach (var (from, to) in renames)
        {
            changes.Add(new NormalizationChange(TagNames, "tags", $"{from} -> {to}"));
        }
    }

    /// <summary>
    /// .NET casing of component schema names, and no <c>Enum</c> suffix on an enum's name; every <c>$ref</c> and
    /// discriminator mapping follows. A new name that another schema has (or gets) is not taken: both are reported.
    /// </summary>
    private static void RenameSchemas(JObject spec, List<NormalizationChange> changes)
    {
        if (spec.SelectToken("components.schemas") is not JObject schemas)
        {
            return;
        }

        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in schemas.Properties())
        {
            var name = Casing(schema.Name);
            if (schema.Value is JObject { } body && body["enum"] is JArray && name.Length > "Enum".Length && name.EndsWith("Enum", StringComparison.Ordinal))
            {
                var bare = name[..^"Enum".Length];
                name = schemas[bare] == null || bare == schema.Name ? bare : name;
            }

            if (name.Length > 0 && name != schema.Name)
            {
                wanted[schema.Name] = name;
            }
        }

        // A target is refused when an unrenamed schema has it, or when two schemas want it.
        var kept = schemas.Properties().Select(p => p.Name).Where(n => !wanted.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in wanted.GroupBy(w => w.Value, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var from = group.Select(g => g.Key).OrderBy(n => n, StringComparer.Ordinal).ToList();
            if (kept.Contains(group.Key) || from.Count > 1)
            {
                var others = kept.Contains(group.Key) ? from.Append(group.Key) : from;
                changes.Add(new NormalizationChange(SchemaNames, $"components.schemas.{from[0]}", $"collision: {string.Join(", ", others)} would all be {group.Key}; kept as they are"));
                continue;
            }

            renames[from[0]] = group.Key;
        }

        if (renames.Count == 0)
        {
            return;
        }

        var renamed = new JObject();
        foreach (var schema in schemas.Properties())
        {
            renamed[renames.GetValueOrDefault(schema.Name, schema.Name)] = schema.Value;
        }

        schemas.Replace(renamed);
        foreach (var reference in spec.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String).ToList())
        {
            reference.Value = new JValue(Retarget((string)reference.Value!, renames));
        }

        foreach (var mapping in spec.Descendants().OfType<JProperty>().Where(p => p.Name == "mapping" && p.Parent?.Parent is JProperty { Name: "discriminator" }).Select(p => p.Value).OfType<JObject>())
        {
            foreach (var entry in mapping.Properties().Where(e => e.Value.Type == JTokenType.String).ToList())
            {
                entry.Value = new JValue(Retarget((string)entry.Value!, renames));
            }
        }

        foreach (var (from, to) in renames.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            changes.Add(new NormalizationChange(SchemaNames, $"components.schemas.{to}", $"{from} -> {to}"));
        }
    }

    private static string Retarget(string pointer, Dictionary<string, string> renames) =>
        pointer.StartsWith(SchemaPrefix, StringComparison.Ordinal) && renames.TryGetValue(pointer[SchemaPrefix.Length..], out var to)
            ? SchemaPrefix + to
            : pointer;

    /// <summary>
    /// An operationId that repeats its client's name (<c>dspGetFeaturesForSample</c> on tag <c>Dsp</c>) loses the
    /// prefix, so the method reads <c>client.Dsp.GetFeaturesForSampleAsync</c>. NSwag names methods after the
    /// operationId, so the operationId is rewritten and the upstream one kept in <see cref="WireOperationIdExtension"/>.
    /// Not when the rest would not start a word, or another operation of the same client already has that name.
    /// </summary>
    private static void RenameOperations(JObject spec, List<NormalizationChange> changes)
    {
        var operations = SpecTrimmer.Operations(spec).Select(o => o.Operation).Where(o => o["operationId"]?.Type == JTokenType.String).ToList();
        string Client(JObject operation) => Casing((string?)(operation["tags"] as JArray)?.FirstOrDefault() ?? "");
        var taken = operations.GroupBy(Client, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => SpecNormalizer.Pascal((string)o["operationId"]!)).ToHashSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            var id = (string)operation["operationId"]!;
            var client = Client(operation);
            if (client.Length == 0 || id.Length <= client.Length || !id.StartsWith(client, StringComparison.OrdinalIgnoreCase) || !char.IsUpper(id[client.Length]))
            {
                continue;
            }

            var rest = id[client.Length..];
            var name = char.ToLowerInvariant(rest[0]) + rest[1..];
            if (!taken[client].Add(SpecNormalizer.Pascal(name)))
            {
                changes.Add(new NormalizationChange(OperationNames, operation.Path, $"{id} kept: {client} already has an operation named {SpecNormalizer.Pascal(name)}"));
                continue;
            }

            operation[WireOperationIdExtension] = id;
            operation["operationId"] = name;
            changes.Add(new NormalizationChange(OperationNames, operation.Path, $"{id} -> {client}.{SpecNormalizer.Pascal(name)}"));
        }
    }

    /// <summary>
    /// A query parameter the spec types as a string but documents as a flag ("If set to 'true', ...", or an enum of
    /// only "true"/"false") becomes a boolean; the client writes booleans as lower-case "true"/"false", so the query
    /// string the Studio receives is the same.
    /// </summary>
    private static void TypeStringBooleans(JObject spec, List<NormalizationChange> changes)
    {
        var parameters = SpecTrimmer.Operations(spec).SelectMany(o => (o.Operation["parameters"] as JArray)?.OfType<JObject>() ?? [])
            .Concat((spec.SelectToken("components.parameters") as JObject)?.Properties().Select(p => p.Value).OfType<JObject>() ?? []);
        foreach (var parameter in parameters.Where(p => (string?)p["in"] == "query").Distinct().ToList())
        {
            if (parameter["schema"] is not JObject schema || (string?)schema["type"] != "string" || schema["format"] != null)
            {
                continue;
            }

            var enumValues = (schema["enum"] as JArray)?.Select(v => (string?)v).ToList();
            var isFlag = enumValues is { Count: > 0 }
                ? enumValues.All(v => v is "true" or "false")
                : BooleanProse.IsMatch((string?)parameter["description"] ?? "");
            if (!isFlag)
            {
                continue;
            }

            schema["type"] = "boolean";
            schema.Remove("enum");
            if (schema["default"] is JValue { Type: JTokenType.String } value && (string?)value is "true" or "false")
            {
                schema["default"] = (string)value! == "true";
            }

            changes.Add(new NormalizationChange(StringBooleans, parameter.Path, $"{parameter.Path} ({parameter["name"]}): string -> boolean"));
        }
    }

    /// <summary>
    /// Enum members without underscores: NJsonSchema names a member after its value, keeping what separates the words
    /// (<c>audio_continuous</c> → <c>Audio_continuous</c>, <c>apache-2.0</c> → <c>Apache2_0</c>). A string enum with such
    /// a value gets <see cref="EnumNamesExtension"/>, which NJsonSchema uses instead: the .NET casing of each value with a
    /// separator (<c>AudioContinuous</c>, <c>Apache20</c>) and NJsonSchema's own name for the others, so only the names
    /// that had underscores change. The values, which are what the wire carries, are untouched. Not when a name would not
    /// be an identifier or two values would get the same name: that enum is reported and keeps NJsonSchema's names.
    /// </summary>
    private static void NameEnumMembers(JObject spec, List<NormalizationChange> changes)
    {
        var enums = spec.Descendants().OfType<JObject>()
            .Where(schema => schema["enum"] is JArray { Count: > 0 } values && values.All(v => v.Type == JTokenType.String) && schema[EnumNamesExtension] == null)
            .ToList();
        foreach (var schema in enums)
        {
            var values = ((JArray)schema["enum"]!).Select(v => (string)v!).ToList();
            if (!values.Any(HasSeparator))
            {
                continue;
            }

            var names = values.Select(v => HasSeparator(v) ? Casing(v) : v.Length > 0 ? char.ToUpperInvariant(v[0]) + v[1..] : "").ToList();
            var invalid = names.Where(n => n.Length == 0 || !char.IsLetter(n[0]) || !n.All(char.IsLetterOrDigit)).ToList();
            var duplicates = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (invalid.Count > 0 || duplicates.Count > 0)
            {
                changes.Add(new NormalizationChange(EnumMemberNames, schema.Path, $"kept NJsonSchema's names: {(invalid.Count > 0 ? $"not identifiers: {string.Join(", ", invalid.Select(n => $"'{n}'"))}" : $"shared: {string.Join(", ", duplicates)}")}"));
                continue;
            }

            schema[EnumNamesExtension] = new JArray(names);
            changes.Add(new NormalizationChange(EnumMemberNames, schema.Path, string.Join(", ", values.Zip(names).Where(p => HasSeparator(p.First)).Select(p => $"{p.First} -> {p.Second}"))));
        }
    }

    private static bool HasSeparator(string value) => value.Any(c => !char.IsLetterOrDigit(c));

    /// <summary>
    /// A path parameter's name is not on the wire (only its value, in the path), so <c>{network_id}</c> becomes
    /// <c>{networkId}</c> in the path and the parameter, and NSwag's argument reads <c>networkId</c> instead of
    /// <c>network_id</c>. Query and header names are the wire's and stay. Only parameters written in the path item or
    /// its operations (a shared <c>$ref</c> one would rename other paths' too), and not when the new name is taken.
    /// </summary>
    private static void RenamePathParameters(JObject spec, List<NormalizationChange> changes)
    {
        if (spec["paths"] is not JObject paths)
        {
            return;
        }

        var renamedPaths = new List<(string From, string To)>();
        foreach (var pathItem in paths.Properties().Where(p => p.Value is JObject).ToList())
        {
            var item = (JObject)pathItem.Value;
            var owners = new[] { item }.Concat(item.Properties().Where(p => p.Name is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace").Select(p => p.Value).OfType<JObject>());
            var parameters = owners.SelectMany(o => (o["parameters"] as JArray)?.OfType<JObject>() ?? []).Where(p => (string?)p["in"] == "path" && p["name"]?.Type == JTokenType.String).ToList();
            var path = pathItem.Name;
            foreach (var name in parameters.Select(p => (string)p["name"]!).Where(HasSeparator).Distinct(StringComparer.Ordinal).ToList())
            {
                var casing = Casing(name);
                var renamed = casing.Length == 0 ? "" : char.ToLowerInvariant(casing[0]) + casing[1..];
                if (renamed.Length == 0 || !char.IsLetter(renamed[0]) || path.Contains("{" + renamed + "}", StringComparison.Ordinal) || !path.Contains("{" + name + "}", StringComparison.Ordinal))
                {
                    changes.Add(new NormalizationChange(PathParameterNames, pathItem.Path, $"{path} ({name}) kept: '{renamed}' is not free"));
                    continue;
                }

                foreach (var parameter in parameters.Where(p => (string)p["name"]! == name))
                {
                    parameter["name"] = renamed;
                }

                path = path.Replace("{" + name + "}", "{" + renamed + "}", StringComparison.Ordinal);
                changes.Add(new NormalizationChange(PathParameterNames, pathItem.Path, $"{name} -> {renamed} in {path}"));
            }

            if (path != pathItem.Name)
            {
                renamedPaths.Add((pathItem.Name, path));
            }
        }

        if (renamedPaths.Count > 0)
        {
            var renames = renamedPaths.ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal);
            paths.Replace(new JObject(paths.Properties().Select(p => new JProperty(renames.GetValueOrDefault(p.Name, p.Name), p.Value))));
        }
    }
}
