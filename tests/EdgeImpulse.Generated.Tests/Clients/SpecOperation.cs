using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Tests.Clients;

/// <summary>One operation of the corrected spec: its wire facts and its definition.</summary>
/// <param name="WireId">The Studio's operationId (<c>x-wire-operation-id</c> when .NET naming renamed it).</param>
/// <param name="OperationId">The operationId NSwag named the method from.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path as the spec writes it, e.g. <c>/api/{projectId}/impulse</c>.</param>
/// <param name="Tag">The first tag: the generated client it lands on.</param>
/// <param name="Definition">The operation object.</param>
/// <param name="Parameters">Path-level and operation-level parameters, <c>$ref</c>s resolved.</param>
internal sealed record SpecOperation(string WireId, string OperationId, string Method, string PathTemplate, string Tag, JObject Definition, IReadOnlyList<JObject> Parameters)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static IReadOnlyDictionary<string, SpecOperation> All(JObject document)
    {
        var operations = new Dictionary<string, SpecOperation>(StringComparer.Ordinal);
        foreach (var path in ((JObject)document["paths"]!).Properties())
        {
            var shared = path.Value["parameters"] as JArray ?? [];
            foreach (var method in ((JObject)path.Value).Properties().Where(p => Methods.Contains(p.Name) && p.Value is JObject))
            {
                var definition = (JObject)method.Value;
                var id = (string)definition["operationId"]!;
                var wireId = (string?)definition[Generated.SpecTool.DotNetNaming.WireOperationIdExtension] ?? id;
                var own = definition["parameters"] as JArray ?? [];
                var parameters = shared.Concat(own).Select(p => Resolve(document, p))
                    .GroupBy(p => ((string)p["in"]!, (string)p["name"]!)).Select(g => g.Last()).ToList();
                var tag = (string?)definition["tags"]?.FirstOrDefault() ?? string.Empty;
                operations.Add(wireId, new SpecOperation(wireId, id, method.Name.ToUpperInvariant(), path.Name, tag, definition, parameters));
            }
        }

        return operations;
    }

    public IEnumerable<JObject> ParametersIn(string location) => Parameters.Where(p => (string?)p["in"] == location);

    private static JObject Resolve(JObject document, JToken parameter) =>
        parameter["$ref"] is JValue reference
            ? (JObject)document.SelectToken("$." + string.Join('.', ((string)reference!)[2..].Split('/').Select(p => $"['{p}']")))!
            : (JObject)parameter;
}
