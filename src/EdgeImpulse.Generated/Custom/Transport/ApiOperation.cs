// CUSTOM: what the transport knows about an operation beyond its request: its method, path template (for logs and
// traces, never the filled-in path) and whether re-sending it is safe. The table is generated from the spec
// (x-edgeimpulse-idempotent; a job starter is an operation answering StartJobResponse; see tools/EdgeImpulse.Generated.SpecTool/IdempotencyRule.cs and corrections.overlay.yaml),
// one list per generated client (Custom/GeneratedClients.cs joins them).
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace EdgeImpulse.Generated;

/// <summary>One API operation as the retry policy, logs and traces see it.</summary>
/// <param name="Id">The operationId, e.g. <c>trainKerasJob</c>.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="PathTemplate">The path with its parameters unfilled, e.g. <c>/api/{projectId}/jobs/train/keras/{learnId}</c>.</param>
/// <param name="Idempotent">Whether sending it twice has the effect of sending it once (reads, pure computations).</param>
/// <param name="StartsJob">Whether it starts a job (its answer is a <c>StartJobResponse</c>): a lost answer may mean a running, billed job.</param>
internal sealed record ApiOperation(string Id, string Method, string PathTemplate, bool Idempotent, bool StartsJob)
{
    private static readonly FrozenDictionary<string, ApiOperation> ById =
        GeneratedClients.All.SelectMany(client => client.Operations)
            .ToFrozenDictionary(operation => operation.Id, System.StringComparer.Ordinal);

    /// <summary>Gets every operation the generated clients have.</summary>
    public static IReadOnlyCollection<ApiOperation> All => ById.Values;

    /// <summary>Finds an operation by its id; an unknown id (a hand-built request) is treated as unsafe to re-send.</summary>
    public static ApiOperation Find(string operationId) =>
        ById.TryGetValue(operationId, out var operation) ? operation : new ApiOperation(operationId, "?", "?", Idempotent: false, StartsJob: false);
}
