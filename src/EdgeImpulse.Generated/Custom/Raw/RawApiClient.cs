// CUSTOM: the raw escape hatch: sends a RawApiRequest through the client's ApiConnection, the path every generated
// operation takes (credentials, retry policy, redirects, limits, envelope check, typed errors, redaction, logging).
// Only the request building is here; the ad-hoc ApiOperation carries the caller's idempotency to the retry policy.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;

namespace EdgeImpulse.Generated;

/// <summary>Sends requests for operations the typed clients do not cover, with the client's auth, retries, limits and errors.</summary>
public interface IRawApiClient
{
    /// <summary>Sends <paramref name="request"/> and reads its JSON answer into <typeparamref name="T"/> (a DTO, or <c>JObject</c>/<c>JToken</c> for any shape).</summary>
    /// <typeparam name="T">The type of the answer.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The answer, after the same <c>success</c> check the typed operations make.</returns>
    /// <exception cref="EdgeImpulseApiException">The API answered with an error (or <c>success:false</c>), or no usable answer arrived.</exception>
    /// <exception cref="ArgumentException">The request is incomplete: a placeholder without a value, a value without a placeholder, an empty, <c>.</c> or <c>..</c> path value, or an absolute path.</exception>
    Task<T> SendAsync<T>(RawApiRequest request, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Sends <paramref name="request"/> and reads its plain text answer.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The text.</returns>
    /// <exception cref="EdgeImpulseApiException">The API answered with an error (a JSON body is one), or no usable answer arrived.</exception>
    /// <exception cref="ArgumentException">The request is incomplete (see <see cref="SendAsync{T}"/>).</exception>
    Task<string> SendForTextAsync(RawApiRequest request, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="request"/> and streams its binary answer.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">A token to cancel the call.</param>
    /// <returns>The file; dispose it.</returns>
    /// <exception cref="EdgeImpulseApiException">The API answered with an error (a JSON or HTML body is one), or no usable answer arrived.</exception>
    /// <exception cref="ArgumentException">The request is incomplete (see <see cref="SendAsync{T}"/>).</exception>
    Task<FileResponse> SendForFileAsync(RawApiRequest request, CancellationToken cancellationToken = default);
}

internal sealed class RawApiClient : IRawApiClient
{
    private readonly ApiConnection _connection;

    public RawApiClient(ApiConnection connection) => _connection = connection;

    public Task<T> SendAsync<T>(RawApiRequest request, CancellationToken cancellationToken = default)
        where T : class
    {
        var (restRequest, operation) = Build(request);
        return _connection.SendAsync<T>(restRequest, operation, cancellationToken);
    }

    public Task<string> SendForTextAsync(RawApiRequest request, CancellationToken cancellationToken = default)
    {
        var (restRequest, operation) = Build(request);
        return _connection.SendForTextAsync(restRequest, operation, cancellationToken);
    }

    public Task<FileResponse> SendForFileAsync(RawApiRequest request, CancellationToken cancellationToken = default)
    {
        var (restRequest, operation) = Build(request);
        return _connection.SendForFileAsync(restRequest, operation, cancellationToken);
    }

    /// <summary>Builds the RestSharp request as a generated operation would, and the operation the transport sees.</summary>
    private (RestRequest Request, ApiOperation Operation) Build(RawApiRequest raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var method = raw.Method.Method.ToUpperInvariant();
        if (!Enum.TryParse<Method>(method, ignoreCase: true, out var restMethod))
        {
            throw new ArgumentException($"HTTP method '{raw.Method.Method}' is not supported.", nameof(raw));
        }

        var template = raw.PathTemplate.TrimStart('/');

        // The credentials go only to the configured origin: an absolute URL, a query or a fragment has no place here.
        if (raw.PathTemplate.StartsWith("//", StringComparison.Ordinal) || template.Contains("://", StringComparison.Ordinal)
            || template.IndexOfAny(['?', '#', '\\']) >= 0)
        {
            throw new ArgumentException($"The path '{raw.PathTemplate}' must be relative to the base URL, without a query (use Query) or fragment.", nameof(raw));
        }

        var placeholders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in template.Split('/'))
        {
            if (segment is "." or "..")
            {
                throw new ArgumentException($"The path '{raw.PathTemplate}' must not contain '.' or '..' segments.", nameof(raw));
            }

            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                placeholders.Add(segment[1..^1]);
            }
            else if (segment.Contains('{', StringComparison.Ordinal) || segment.Contains('}', StringComparison.Ordinal))
            {
                throw new ArgumentException($"The path '{raw.PathTemplate}' has a placeholder that is not a whole segment ('{segment}').", nameof(raw));
            }
        }

        var request = new RestRequest(template, restMethod);
        foreach (var name in placeholders)
        {
            if (!raw.PathValues.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"The path '{raw.PathTemplate}' has the placeholder '{{{name}}}' but PathValues has no '{name}'.", nameof(raw));
            }

            ApiConnection.AddPathSegment(request, name, value);
        }

        foreach (var name in raw.PathValues.Keys)
        {
            if (!placeholders.Contains(name))
            {
                throw new ArgumentException($"PathValues has '{name}' but the path '{raw.PathTemplate}' has no '{{{name}}}'.", nameof(raw));
            }
        }

        foreach (var (name, value) in raw.Query)
        {
            ApiConnection.AddQuery(request, name, value);
        }

        if (raw.Body is not null)
        {
            _connection.AddJsonBody(request, raw.Body, nameof(RawApiRequest.Body));
        }

        var idempotent = raw.Idempotent ?? (raw.Method == HttpMethod.Get || raw.Method == HttpMethod.Head);
        var operation = new ApiOperation(raw.OperationId ?? $"raw:{method} {template}", method, "/" + template, idempotent, StartsJob: false);
        return (request, operation);
    }
}
