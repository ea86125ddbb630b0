// CUSTOM: the streamed download type. NSwag would generate it (undocumented); nswag.json excludes it so that it is
// written here once, documented, with the same public shape as NSwag's, plus the content type and length.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http.Headers;

namespace EdgeImpulse.Generated;

/// <summary>A streamed binary download; dispose it to release the connection.</summary>
public partial class FileResponse : IDisposable
{
    private readonly IDisposable? _client;
    private readonly IDisposable? _response;

    /// <summary>Creates a download result over <paramref name="stream"/>.</summary>
    /// <param name="statusCode">The HTTP status code of the answer.</param>
    /// <param name="headers">The answer's response and content headers.</param>
    /// <param name="stream">The body, read as it arrives.</param>
    /// <param name="client">Disposed with this response, when given.</param>
    /// <param name="response">The underlying HTTP response, disposed with this one, when given.</param>
    public FileResponse(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers, Stream stream, IDisposable? client, IDisposable? response)
    {
        StatusCode = statusCode;
        Headers = headers;
        Stream = stream;
        _client = client;
        _response = response;
    }

    /// <summary>Gets the HTTP status code of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the answer's response and content headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Gets the body, read as it arrives; it can be read once.</summary>
    public Stream Stream { get; }

    /// <summary>Gets whether the answer is a partial content (HTTP 206).</summary>
    public bool IsPartial => StatusCode == 206;

    /// <summary>Gets the media type the server declared, e.g. <c>application/octet-stream</c>.</summary>
    public string? ContentType => Header("Content-Type")?.Split(';')[0].Trim();

    /// <summary>
    /// Gets the file name the server gave in <c>Content-Disposition</c> (a deployment's <c>ei-project-zip-v3.zip</c>),
    /// when it gave one: only its last path segment, so it can be combined with a folder of yours without leaving it.
    /// </summary>
    public string? FileName =>
        Header("Content-Disposition") is { } disposition
        && ContentDispositionHeaderValue.TryParse(disposition, out var parsed)
        && Path.GetFileName((parsed.FileNameStar ?? parsed.FileName)?.Trim('"').Replace('\\', '/')) is { Length: > 0 } name
        && name is not ("." or "..")
            ? name
            : null;

    /// <summary>Gets the length the server announced, when it did.</summary>
    public long? ContentLength => long.TryParse(Header("Content-Length"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length) ? length : null;

    /// <summary>Disposes the body stream and the HTTP response it came from.</summary>
    public void Dispose()
    {
        Stream.Dispose();
        _response?.Dispose();
        _client?.Dispose();
        GC.SuppressFinalize(this);
    }

    private string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
