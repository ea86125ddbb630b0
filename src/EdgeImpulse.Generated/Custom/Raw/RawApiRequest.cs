// CUSTOM: the description of a request the generated clients do not have (an operation newer than the vendored spec):
// method, path template with its values, query, JSON body, and whether it may be re-sent. RawApiClient sends it
// through the client's one transport (ApiConnection), so it gets the same credentials, retries, limits and errors.
using System;
using System.Collections.Generic;
using System.Net.Http;

namespace EdgeImpulse.Generated;

/// <summary>A request for an operation the typed clients do not cover, sent with <see cref="IRawApiClient"/>.</summary>
/// <remarks>
/// The path is relative to <see cref="EdgeImpulseClientOptions.BaseUrl"/> (e.g. <c>api/{projectId}/deployment/targets</c>);
/// each <c>{name}</c> is filled from <see cref="PathValues"/>, escaped as the generated operations escape theirs.
/// </remarks>
public sealed class RawApiRequest
{
    /// <summary>Initializes a new instance of the <see cref="RawApiRequest"/> class.</summary>
    /// <param name="method">The HTTP method, e.g. <see cref="HttpMethod.Get"/>.</param>
    /// <param name="pathTemplate">The path relative to the base URL, with <c>{name}</c> placeholders, e.g. <c>api/{projectId}/jobs/{jobId}/status</c>.</param>
    public RawApiRequest(HttpMethod method, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        Method = method;
        PathTemplate = pathTemplate;
    }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the path relative to the base URL, with <c>{name}</c> placeholders.</summary>
    public string PathTemplate { get; }

    /// <summary>Gets the value of each <c>{name}</c> placeholder (formatted invariantly, escaped; empty, <c>.</c> and <c>..</c> are refused).</summary>
    public IDictionary<string, object?> PathValues { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Gets the query parameters; a null value is left out, a sequence repeats the name once per item.</summary>
    public IDictionary<string, object?> Query { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Gets the JSON body: any object (serialized as the typed operations serialize theirs) or a <c>JToken</c>; null sends none.</summary>
    public object? Body { get; init; }

    /// <summary>
    /// Gets whether sending the request twice has the effect of sending it once, so a failed attempt may be retried.
    /// Null (the default) means: GET and HEAD are, every other method is not.
    /// </summary>
    public bool? Idempotent { get; init; }

    /// <summary>Gets the label exceptions and logs use for the request; null means <c>raw:METHOD path-template</c>.</summary>
    public string? OperationId { get; init; }
}
