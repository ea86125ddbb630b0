using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// "Docs fragments win where newer": the docs site (docs.edgeimpulse.com/apis/studio/...) publishes one OpenAPI cut per
/// operation, made from a newer spec than the downloadable openapi.yml at times. <c>update --fragments &lt;dir&gt;</c>
/// merges every <c>*.yaml</c> cut in the directory over the upstream spec before the trim: each operation a cut
/// contains replaces upstream's operation object (matched by operationId; added at the cut's path and method when
/// upstream has none), and each component schema or parameter it defines replaces upstream's. Every replacement that
/// changed something is reported; identical ones are counted.
/// </summary>
internal static class SpecFragments
{
    private static readonly string[] ComponentSections = ["schemas", "parameters"];

    public static IReadOnlyList<string> Merge(JObject upstream, string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new SpecToolException($"--fragments {directory}: no such directory.");
        }

        var files = Directory.GetFiles(directory, "*.yaml").Concat(Directory.GetFiles(directory, "*.yml")).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new SpecToolException($"--fragments {directory}: no *.yaml fragment in it.");
        }

        var report = new List<string>();
        var unchanged = 0;
        var definedBy = new Dictionary<string, (string File, JToken Value)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var fragment = YamlJson.Load(file) as JObject ?? throw new SpecToolException($"{name}: is not a YAML mapping.");
            RepairMappings(fragment, name, report);
            var operations = SpecTrimmer.Operations(fragment).ToList();
            if (operations.Count == 0)
            {
                throw new SpecToolException($"{name}: has no operation (not an OpenAPI fragment of a docs page?).");
            }

            foreach (var (path, method, operation) in operations)
            {
                var id = (string?)operation["operationId"] ?? throw new SpecToolException($"{name}: {method.ToUpperInvariant()} {path} has no operationId.");
                var existing = SpecTrimmer.Operations(upstream).FirstOrDefault(o => (string?)o.Operation["operationId"] == id);
                if (existing.Operation == null)
                {
                    var paths = upstream["paths"] as JObject ?? (JObject)(upstream["paths"] = new JObject());
                    var item = paths[path] as JObject ?? (JObject)(paths[path] = new JObject());
                    item[method] = operation.DeepClone();
                    report.Add($"{name}: added operation {id} ({method.ToUpperInvariant()} {path}), not in upstream");
                }
                else if (JToken.DeepEquals(existing.Operation, operation))
                {
                    unchanged++;
                }
                else
                {
                    var moved = existing.Path != path || existing.Method != method ? $" (moved from {existing.Method.ToUpperInvariant()} {existing.Path})" : "";
                    if (moved.Length > 0)
                    {
                        existing.Operation.Parent!.Remove();
                        var paths = (JObject)upstream["paths"]!;
                        var item = paths[path] as JObject ?? (JObject)(paths[path] = new JObject());
                        item[method] = operation.DeepClone();
                    }
                    else
                    {
                        existing.Operation.Replace(operation.DeepClone());
                    }

                    report.Add($"{name}: replaced operation {id}{moved}");
                }
            }

            foreach (var section in ComponentSections)
            {
                foreach (var component in (fragment.SelectToken($"components.{section}") as JObject)?.Properties() ?? [])
                {
                    var key = $"{section}.{component.Name}";
                    if (definedBy.TryGetValue(key, out var earlier) && !JToken.DeepEquals(earlier.Value, component.Value))
                    {
                        report.Add($"{name}: {key} differs from {earlier.File}'s; {name}'s kept");
                    }

                    definedBy[key] = (name, component.Value);
                    var components = upstream["components"] as JObject ?? (JObject)(upstream["components"] = new JObject());
                    var target = components[section] as JObject ?? (JObject)(components[section] = new JObject());
                    if (target[component.Name] is not { } current)
                    {
                        target[component.Name] = component.Value.DeepClone();
                        report.Add($"{name}: added {key}, not in upstream");
                    }
                    else if (JToken.DeepEquals(current, component.Value))
                    {
                        unchanged++;
                    }
                    else
                    {
                        current.Replace(component.Value.DeepClone());
                        report.Add($"{name}: replaced {key}");
                    }
                }
            }
        }

        report.Add($"{files.Count} fragment(s) merged: {report.Count} change(s), {unchanged} operation(s) and component(s) already identical upstream");
        return report;
    }

    /// <summary>
    /// The docs pages render a discriminator mapping's targets as <c>{ $ref: ... }</c> objects; OpenAPI (and NSwag,
    /// which stops on them) wants the reference string itself.
    /// </summary>
    private static void RepairMappings(JObject fragment, string name, List<string> report)
    {
        foreach (var mapping in fragment.Descendants().OfType<JProperty>().Where(p => p.Name == "mapping" && p.Parent?.Parent is JProperty { Name: "discriminator" }).Select(p => p.Value).OfType<JObject>().ToList())
        {
            foreach (var entry in mapping.Properties().Where(e => e.Value is JObject { Count: 1 } target && target["$ref"]?.Type == JTokenType.String).ToList())
            {
                entry.Value = new JValue((string)entry.Value["$ref"]!);
                report.Add($"{name}: discriminator mapping {entry.Path} was a {{ $ref }} object (the docs' rendering); made the reference string");
            }
        }
    }
}
