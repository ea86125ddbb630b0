// CUSTOM: the read half of one attempt (see ApiConnection.RunAsync): turns an HttpResponseMessage whose headers have
// arrived into the operation's result, reading the body once, bounded, or into one typed EdgeImpulseApiException.
// Readers know nothing of retries; a stalled or broken body surfaces as an exception RunAsync classifies (Status 0).
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated;

/// <summary>Reads one response; owns <paramref name="response"/> (disposes it, or hands it to the result).</summary>
internal delegate Task<TResult> ReadResponse<TResult>(ResponseReader reader, HttpResponseMessage response, string operationId, CancellationToken cancellationToken);

internal sealed class ResponseReader
{
    /// <summary>The most characters of a server's body an exception quotes (BodyExcerpt).</summary>
    internal const int ExcerptLength = 512;

    /// <summary>The most characters of server-sent text (an error text, a parser message) an exception message quotes.</summary>
    internal const int QuoteLength = 1024;

    /// <summary>How much of a failed response's body is read: enough for any error text, bounded whatever the server sends.</summary>
    internal const int ErrorBodyLimit = 64 * 1024;

    private readonly EdgeImpulseClientOptions _options;
    private readonly Redactor _redactor;
    private readonly ServiceProfile _profile;
    private readonly int _captureBytes;

    public ResponseReader(EdgeImpulseClientOptions options, Redactor redactor, ServiceProfile profile)
    {
        _options = options;
        _redactor = redactor;
        _profile = profile;

        // An excerpt decodes more than it shows, so a credential straddling the cut is redacted before the cut: the
        // margin fits the longest encoded form the redactor knows (each byte double-percent-encoded: %25XX, 5 bytes).
        var longestSecret = 0;
        foreach (var secret in new[] { options.ApiKey, options.JwtToken })
        {
            longestSecret = Math.Max(longestSecret, secret is null ? 0 : Encoding.UTF8.GetByteCount(secret) * 6);
        }

        _captureBytes = (ExcerptLength * 4) + longestSecret;
    }

    /// <summary>Reads a JSON operation's answer into <typeparamref name="T"/> (see <see cref="JsonReaders{T}"/>).</summary>
    public async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
        where T : class
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ReadFailureAsync(response, operationId, expected: null, cancellationToken).ConfigureAwait(false);
            }

            using var body = await ReadBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
            return Deserialize<T>(body, response, operationId);
        }
    }

    /// <summary>Reads a text operation's answer (a JSON body on a text operation is the error envelope).</summary>
    public async Task<string> ReadTextAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        using (response)
        {
            var contentType = response.Content.Headers.ContentType;
            if (!response.IsSuccessStatusCode || IsJson(contentType?.MediaType))
            {
                throw await ReadFailureAsync(response, operationId, expected: "plain text", cancellationToken).ConfigureAwait(false);
            }

            using var body = await ReadBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
            using var text = new PooledBodyTextReader(body, EncodingOf(contentType?.CharSet));
            return text.ReadToEnd();
        }
    }

    /// <summary>
    /// Reads the answer of an operation that returns nothing (204, or a 2xx whose content the spec does not describe):
    /// a non-success status, a JSON <c>success: false</c> or <c>error</c> envelope and an HTML page fail as for any
    /// operation; any other body (empty, JSON without an error, text) is read up to its end (bounded) and dropped.
    /// </summary>
    public async Task<bool> ReadNoResultAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        using (response)
        {
            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode || string.Equals(contentType, "text/html", StringComparison.OrdinalIgnoreCase))
            {
                throw await ReadFailureAsync(response, operationId, expected: "no content", cancellationToken).ConfigureAwait(false);
            }

            using var body = await ReadBodyAsync(response, operationId, cancellationToken).ConfigureAwait(false);
            if (body.Length == 0 || !IsJson(contentType))
            {
                return true;
            }

            JToken token;
            try
            {
                token = JToken.Parse(body.GetString((int)Math.Min(body.Length, int.MaxValue)));
            }
            catch (JsonReaderException ex)
            {
                throw NotJson(response, operationId, body, ex);
            }

            // The rule of every other answer: only "success": true is success; "success" otherwise, or an error text, fails.
            if (token is JObject envelope)
            {
                var errorText = envelope["error"] is { Type: JTokenType.String } error ? (string?)error : null;
                var successTrue = envelope["success"] is { Type: JTokenType.Boolean } success && (bool)success!;
                if (!successTrue && (envelope.ContainsKey("success") || errorText is not null))
                {
                    throw EnvelopeFailure(response, operationId, errorText, body, null);
                }
            }

            return true;
        }
    }

    /// <summary>Hands a binary download's body to the caller as a stream; errors (JSON, HTML, non-success) are read here.</summary>
    public async Task<FileResponse> ReadFileAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!response.IsSuccessStatusCode || IsJson(contentType) || contentType == "text/html")
        {
            using (response)
            {
                throw await ReadFailureAsync(response, operationId, expected: "binary data", cancellationToken).ConfigureAwait(false);
            }
        }

        var length = response.Content.Headers.ContentLength;
        if (_options.MaxDownloadBytes is { } limit && length > limit)
        {
            response.Dispose();
            throw new EdgeImpulseApiException($"{operationId}: the download is {length} bytes, over the configured limit of {limit} bytes (MaxDownloadBytes).", operationId, status, null, contentType, null);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = new BoundedReadStream(stream, _options.MaxDownloadBytes, _options.ReadTimeout, operationId, status, contentType);

        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            headers[name] = values;
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            headers[name] = values;
        }

        return new FileResponse(status, headers, body, null, response);
    }

    /// <summary>Replaces every configured credential in <paramref name="text"/>, in any encoding, with <c>***</c>.</summary>
    public string Redact(string text) => _redactor.Redact(text);

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static Encoding EncodingOf(string? charset)
    {
        if (charset is null)
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    // Retry-After (RFC 9110 10.2.3) is either delay-seconds or an HTTP-date; job polling waits for it on 429/503.
    private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } value)
        {
            return null;
        }

        var delay = value.Delta ?? (value.Date - DateTimeOffset.UtcNow);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static string KindOf(JsonToken token) => token switch
    {
        JsonToken.StartArray => "Array",
        JsonToken.StartConstructor => "Constructor",
        JsonToken.Integer => "Integer",
        JsonToken.Float => "Float",
        JsonToken.String => "String",
        JsonToken.Boolean => "Boolean",
        JsonToken.Null => "Null",
        JsonToken.Undefined => "Undefined",
        JsonToken.Date => "Date",
        JsonToken.Bytes => "Bytes",
        _ => token.ToString(),
    };

    /// <summary>Reads a successful JSON or text answer, refusing one over MaxResponseBytes before holding more than that.</summary>
    private async Task<PooledBody> ReadBodyAsync(HttpResponseMessage response, string operationId, CancellationToken cancellationToken)
    {
        var limit = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > limit)
        {
            throw OverLimit(response, operationId, $"the answer is {length} bytes, more");
        }

        var body = await ReadBoundedAsync(response, cancellationToken, limit).ConfigureAwait(false);
        if (body.OverLimit)
        {
            body.Dispose();
            throw OverLimit(response, operationId, "the answer is larger");
        }

        return body;
    }

    private EdgeImpulseApiException OverLimit(HttpResponseMessage response, string operationId, string what) =>
        new($"{operationId}: {what} than the configured limit of {_options.MaxResponseBytes} bytes (EdgeImpulseClientOptions.MaxResponseBytes); nothing past the limit was read.", operationId, (int)response.StatusCode, null, response.Content.Headers.ContentType?.MediaType, null)
        {
            RetryAfter = RetryAfterOf(response),
        };

    private async Task<PooledBody> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken, long? limit = null)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await PooledBody.ReadAsync(stream, limit, response.Content.Headers.ContentLength, cancellationToken).ConfigureAwait(false);
    }

    private T Deserialize<T>(PooledBody body, HttpResponseMessage response, string operationId)
        where T : class
    {
        using var text = new PooledBodyTextReader(body, Encoding.UTF8);
        using var json = new EnvelopeJsonReader(text, _profile.Envelope) { ArrayPool = JsonCharPool.Instance, CloseInput = false, DateParseHandling = DateParseHandling.None };
        try
        {
            if (!json.Read())
            {
                throw new JsonReaderException("The body holds no JSON value.");
            }
        }
        catch (JsonReaderException ex)
        {
            throw NotJson(response, operationId, body, ex);
        }

        if (_profile.ObjectResponsesOnly && json.TokenType != JsonToken.StartObject)
        {
            throw Failure($"{operationId} returned a JSON {KindOf(json.TokenType)} where an object was expected.", operationId, response, null, body, null);
        }

        T? result;
        try
        {
            result = ApiConnection.Serializer.Deserialize<T>(json);
            if (json.Read())
            {
                throw new JsonReaderException("Additional content after the JSON value.", json.Path, json.LineNumber, json.LinePosition, null);
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            if (json.IsFailureEnvelope)
            {
                throw EnvelopeFailure(response, operationId, json.Error, body, ex);
            }

            throw Failure($"{operationId} returned JSON that does not fit {typeof(T).Name}: {Quote(ex.Message)}", operationId, response, null, body, ex);
        }

        if (json.IsFailureEnvelope)
        {
            throw EnvelopeFailure(response, operationId, json.Error, body, null);
        }

        return result ?? throw Failure($"{operationId} returned JSON null.", operationId, response, null, body, null);
    }

    /// <summary>Reads (at most <see cref="ErrorBodyLimit"/> bytes of) a failed or unexpected response and builds its error.</summary>
    private async Task<EdgeImpulseApiException> ReadFailureAsync(HttpResponseMessage response, string operationId, string? expected, CancellationToken cancellationToken)
    {
        using var body = await ReadBoundedAsync(response, cancellationToken, ErrorBodyLimit).ConfigureAwait(false);
        var text = body.GetString(ErrorBodyLimit);
        JToken token;
        try
        {
            token = JToken.Parse(text);
        }
        catch (JsonReaderException ex)
        {
            if (response.IsSuccessStatusCode && expected is not null)
            {
                var contentType = response.Content.Headers.ContentType?.MediaType;
                return Failure($"{operationId} returned a {contentType ?? "untyped"} body instead of {expected}.", operationId, response, null, body, null);
            }

            return NotJson(response, operationId, body, ex);
        }

        var envelope = token as JObject;
        var errorText = ErrorTextOf(envelope);
        // Only "success": true is success: "false", 0, null, or an error text without success: true all fail. A service
        // whose envelope has no success member (ErrorEnvelope.DecidesSuccess) leaves that to the status.
        var successMember = _profile.Envelope.SuccessMember;
        var successTrue = successMember is not null && envelope?[successMember] is { Type: JTokenType.Boolean } success && (bool)success!;
        var successFalse = successMember is not null && envelope is not null && !successTrue && (envelope.ContainsKey(successMember) || errorText is not null);
        if (response.IsSuccessStatusCode && !successFalse && errorText is null)
        {
            return Failure($"{operationId} returned JSON where {expected} was expected.", operationId, response, null, body, null);
        }

        var reason = errorText ?? (successFalse ? "success: false without an error text" : response.ReasonPhrase ?? "no error text");
        return Failure($"{operationId} failed (HTTP {(int)response.StatusCode}): {Quote(reason)}", operationId, response, errorText, body, null);
    }

    private string? ErrorTextOf(JObject? envelope)
    {
        foreach (var member in _profile.Envelope.ErrorTextMembers)
        {
            if (envelope?[member] is { Type: JTokenType.String } error)
            {
                return (string?)error;
            }
        }

        return null;
    }

    private EdgeImpulseApiException NotJson(HttpResponseMessage response, string operationId, PooledBody body, JsonReaderException ex)
    {
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        var what = body.Length == 0 || string.IsNullOrWhiteSpace(body.GetString(_captureBytes)) ? "an empty body"
            : body.OverLimit ? $"an error body ({contentType}) longer than the {ErrorBodyLimit} bytes read of it"
            : $"a body that is not JSON ({contentType})";
        return Failure($"{operationId} failed (HTTP {(int)response.StatusCode}): the server sent {what}.", operationId, response, null, body, ex);
    }

    private EdgeImpulseApiException EnvelopeFailure(HttpResponseMessage response, string operationId, string? errorText, PooledBody body, Exception? inner) =>
        Failure($"{operationId} failed (HTTP {(int)response.StatusCode}): {Quote(errorText ?? "success: false without an error text")}", operationId, response, errorText, body, inner);

    private EdgeImpulseApiException Failure(string message, string operationId, HttpResponseMessage response, string? errorText, PooledBody? body, Exception? inner) =>
        new(Redact(message), operationId, (int)response.StatusCode, errorText is null ? null : Redact(errorText), response.Content.Headers.ContentType?.MediaType, Excerpt(body), Bounded(inner))
        {
            RetryAfter = RetryAfterOf(response),
        };

    private string? Excerpt(PooledBody? body)
    {
        if (body is null || body.Length == 0)
        {
            return null;
        }

        var excerpt = _redactor.Excerpt(body.GetString(_captureBytes), ExcerptLength);
        return body.Length > _captureBytes && !excerpt.EndsWith('…') ? excerpt + "…" : excerpt;
    }

    /// <summary>
    /// The parser's exception as ours keeps it: Newtonsoft (and .NET's number parsing) quote the offending value, which
    /// may be megabytes long or hold a credential; such an exception is rebuilt, same kind and position, with the
    /// message quoted like any server text. Bounded ones are kept as they are.
    /// </summary>
    private Exception? Bounded(Exception? ex)
    {
        if (ex is null)
        {
            return null;
        }

        var inner = Bounded(ex.InnerException);
        var message = Quote(ex.Message);
        if (ReferenceEquals(inner, ex.InnerException) && message == ex.Message)
        {
            return ex;
        }

        return ex switch
        {
            JsonReaderException reader => new JsonReaderException(message, Quote(reader.Path ?? string.Empty), reader.LineNumber, reader.LinePosition, inner),
            JsonSerializationException serializer => new JsonSerializationException(message, Quote(serializer.Path ?? string.Empty), serializer.LineNumber, serializer.LinePosition, inner),
            JsonException => new JsonException(message, inner),
            OverflowException => new OverflowException(message, inner),
            FormatException => new FormatException(message, inner),
            InvalidCastException => new InvalidCastException(message, inner),
            ArgumentException => new ArgumentException(message, inner),
            _ => new InvalidDataException(message, inner),
        };
    }

    /// <summary>Server-sent text as a message quotes it: redacted first (so a cut cannot split a credential), then bounded.</summary>
    private string Quote(string text) => _redactor.Excerpt(text, QuoteLength);
}

/// <summary>One cached reader delegate per result type, so a call allocates no closure.</summary>
internal static class JsonReaders<T>
    where T : class
{
    public static readonly ReadResponse<T> Read = static (reader, response, operationId, cancellationToken) => reader.ReadJsonAsync<T>(response, operationId, cancellationToken);
}
