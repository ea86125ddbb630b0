using System;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>One request as the simulator received it (credentials are not kept).</summary>
/// <param name="OperationId">The operation it matched, or null when it matched none.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, including the <c>/v1</c> prefix.</param>
/// <param name="Query">The query string including the leading <c>?</c>, or empty.</param>
/// <param name="Body">The request body as text, or empty.</param>
/// <param name="Fault">The fault injected into it, if any.</param>
/// <param name="Received">When it arrived, on the simulator's clock.</param>
public sealed record SimulatorRequest(string? OperationId, string Method, string Path, string Query, string Body, FaultKind? Fault, DateTimeOffset Received);
