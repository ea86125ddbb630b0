using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.SpecTool;

/// <summary>
/// Marks every operation of the corrected spec with <c>x-edgeimpulse-idempotent</c>, which the client template turns
/// into the retry policy's table: GET (and HEAD, OPTIONS) is safe to re-send; any other method is unsafe (it may start
/// a job or change state) unless a correction in corrections.overlay.yaml marks it safe, with its reason.
/// </summary>
internal static class IdempotencyRule
{
    public const string Extension = "x-edgeimpulse-idempotent";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private static readonly string[] SafeMethods = ["get", "head", "options"];

    /// <summary>Sets the extension where no correction did; returns how many operations were marked safe.</summary>
    public static int Apply(JToken document)
    {
        var safe = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            var value = operation[Extension];
            if (value is null)
            {
                operation[Extension] = SafeMethods.Contains(method, StringComparer.Ordinal);
            }
            else if (value.Type != JTokenType.Boolean)
            {
                throw new SpecToolException($"{method.ToUpperInvariant()} {path}: {Extension} must be true or false, not {value.ToString(Newtonsoft.Json.Formatting.None)}.");
            }

            safe += (bool)operation[Extension]! ? 1 : 0;
        }

        return safe;
    }

    private static IEnumerable<(string Path, string Method, JObject Operation)> Operations(JToken document)
    {
        if (document["paths"] is not JObject paths)
        {
            yield break;
        }

        foreach (var path in paths.Properties())
        {
            if (path.Value is not JObject item)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (item[method] is JObject operation)
                {
                    yield return (path.Name, method, operation);
                }
            }
        }
    }
}
