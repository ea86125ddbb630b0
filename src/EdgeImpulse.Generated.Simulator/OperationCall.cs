using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>One validated request as a handler sees it: typed parameters (already checked against the spec), body, clock.</summary>
internal sealed class OperationCall(OperationSpec operation, IReadOnlyDictionary<string, string> path, IQueryCollection query, JToken? body, DateTimeOffset now)
{
    public OperationSpec Operation { get; } = operation;

    public DateTimeOffset Now { get; } = now;

    public JObject Body => body as JObject ?? throw new InvalidOperationException($"{Operation.OperationId} has no JSON object body.");

    public long PathId(string name) => long.Parse(path[name], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public string PathText(string name) => path[name];

    public string? QueryText(string name) => query.TryGetValue(name, out var values) ? values.ToString() : null;

    public long? QueryLong(string name) => QueryText(name) is { } text ? long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    public bool QueryFlag(string name) => QueryText(name) == "true";
}
