using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>Matches "GET /v1/api/52187/dsp/3" to the spec operation and its path values; literal segments win over parameters.</summary>
internal sealed class RouteTable
{
    public const string Prefix = "/v1";

    private readonly (OperationSpec Operation, string[] Segments)[] _routes;

    public RouteTable(IEnumerable<OperationSpec> operations)
    {
        // More literal segments first, so ".../get-graph/classification/{sampleId}" is tried before ".../get-graph/{category}".
        _routes = operations
            .Select(o => (Operation: o, Segments: o.PathTemplate.Trim('/').Split('/')))
            .OrderByDescending(r => r.Segments.Count(s => !IsParameter(s)))
            .ToArray();
    }

    public (OperationSpec Operation, Dictionary<string, string> Values)? Match(string method, string path)
    {
        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[Prefix.Length..].Trim('/').Split('/');
        foreach (var (operation, template) in _routes)
        {
            if (operation.Method != method || template.Length != segments.Length)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (IsParameter(template[i]))
                {
                    // Kestrel has already decoded the path; decoding again would turn "%2525" into "%".
                    values[template[i][1..^1]] = segments[i];
                }
                else
                {
                    matched = string.Equals(template[i], segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return (operation, values);
            }
        }

        return null;
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
