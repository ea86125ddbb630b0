using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.SpecTool;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>One parameter of an operation, as the spec declares it.</summary>
internal sealed record SpecParameter(string Name, string In, bool Required);

/// <summary>One operation of the spec: what the recorder needs to call it and to name its fixture.</summary>
internal sealed record SpecOperation(
    string OperationId,
    string Method,
    string PathTemplate,
    string Tag,
    IReadOnlyList<SpecParameter> Parameters,
    string ResponseContentType);

/// <summary>The operations of the vendored openapi.yaml with the local corrections applied (the spec the client is generated from).</summary>
/// <remarks>Reading paths and parameters from the spec keeps them in one place: the recorder only says which operations to call, with which values.</remarks>
internal sealed class SpecCatalog
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private readonly Dictionary<string, SpecOperation> _operations;

    private SpecCatalog(Dictionary<string, SpecOperation> operations) => _operations = operations;

    public IReadOnlyCollection<SpecOperation> Operations => _operations.Values;

    public static SpecCatalog Load(string specPath, string overlayPath)
    {
        var document = YamlJson.Load(specPath);
        Overlay.Apply(document, YamlJson.Load(overlayPath), Path.GetFileName(overlayPath));
        return FromDocument(document);
    }

    public static SpecCatalog FromDocument(JToken document)
    {
        var operations = new Dictionary<string, SpecOperation>(StringComparer.Ordinal);
        foreach (var path in (document["paths"] as JObject)?.Properties() ?? [])
        {
            foreach (var method in Methods)
            {
                if (path.Value[method] is not JObject operation)
                {
                    continue;
                }

                var operationId = (string?)operation["operationId"] ?? throw new SpecToolException($"{method.ToUpperInvariant()} {path.Name} has no operationId.");
                // The fixture folder: the tag as the generated client is named (DSP -> Dsp, Raw data -> RawData).
                var tag = DotNetNaming.Casing((string?)operation["tags"]?.FirstOrDefault() ?? throw new SpecToolException($"{operationId} has no tag."));
                var parameters = (operation["parameters"] as JArray ?? [])
                    .Select(p => ReadParameter(document, p, operationId))
                    .ToList();
                var contentType = (operation.SelectToken("responses.200.content") as JObject)?.Properties().FirstOrDefault()?.Name
                    ?? throw new SpecToolException($"{operationId} declares no 200 response content.");
                operations.Add(operationId, new SpecOperation(operationId, method.ToUpperInvariant(), path.Name, tag, parameters, contentType));
            }
        }

        return new SpecCatalog(operations);
    }

    public SpecOperation Get(string operationId) =>
        _operations.TryGetValue(operationId, out var operation)
            ? operation
            : throw new SpecToolException($"operation '{operationId}' is not in the spec.");

    private static SpecParameter ReadParameter(JToken document, JToken parameter, string operationId)
    {
        if ((string?)parameter["$ref"] is { } reference)
        {
            const string Prefix = "#/components/parameters/";
            if (!reference.StartsWith(Prefix, StringComparison.Ordinal) || document["components"]?["parameters"]?[reference[Prefix.Length..]] is not { } resolved)
            {
                throw new SpecToolException($"{operationId}: cannot resolve parameter reference '{reference}'.");
            }

            parameter = resolved;
        }

        var name = (string?)parameter["name"] ?? throw new SpecToolException($"{operationId}: a parameter has no name.");
        var location = (string?)parameter["in"] ?? throw new SpecToolException($"{operationId}: parameter '{name}' has no 'in'.");
        return new SpecParameter(name, location, (bool?)parameter["required"] ?? location == "path");
    }
}
