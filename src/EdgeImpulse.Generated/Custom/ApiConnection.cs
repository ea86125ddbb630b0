// CUSTOM: everything the generated area clients share: one RestClient, request building helpers, and the
// response pipeline (success:false error channel, typed errors, streamed downloads). The generated methods
// only describe their request (Templates/Client.Class.liquid), so this logic exists once.
using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace EdgeImpulse.Generated;

internal sealed class ApiConnection : IDisposable
{
    private const int ExcerptLength = 512;
    private const int ErrorBodyLimit = 64 * 1024;

    private readonly RestClient _client;
    private readonly EdgeImpulseClientOptions _options;
    private readonly TransportLogging _logging;
    private readonly RetryPolicy _retry;

    public ApiConnection(EdgeImpulseClientOptions options, HttpClient? httpClient, ILoggerFactory? loggerFactory = null)
    {
        _options = options;
        Redactor = new Redactor([options.ApiKey, options.JwtToken]);
        _logging = new TransportLogging(loggerFactory, Redactor);
        _retry = new RetryPolicy(options.Retry, _logging);
        var restOptions = new RestClientOptions(options.BaseUrl)
        {
            Timeout = options.Timeout,
            UserAgent = options.UserAgent,
            ThrowOnAnyError = false,
            ThrowOnDeserializationError = false,
            Interceptors = [new NoSilentResend()],
        };
        _client = httpClient is null ? new RestClient(restOptions) : new RestClient(httpClient, restOptions, disposeHttpClient: false);
        if (options.ApiKey is not null)
        {
            _client.AddDefaultHeader("x-api-key", options.ApiKey);
        }

        if (options.JwtToken is not null)
        {
            _client.AddDefaultHeader("x-jwt-token", options.JwtToken);
        }
    }

    /// <summary>Gets the redactor for this client's credentials (messages, excerpts, job failure reasons).</summary>
    public Redactor Redactor { get; }

    public static JsonSerializerSettings SerializerSettings { get; } = new()
    {
        // Dates stay strings until a DateTimeOffset property reads them, so no offset or precision is lost.
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(SerializerSettings);

    public static void AddPathSegment(RestRequest request, string name, object? value)
    {
        // An empty segment (null, "", or a default enum struct) would silently address another URL.
        var text = value is null ? string.Empty : FormatValue(value);
        if (text.Length == 0)
        {
            throw new ArgumentNullException(name, $"Path parameter '{name}' is required and must not be empty.");
        }

        // "." and ".." would be removed by URL normalisation (RFC 3986 5.2.4), addressing another resource.
        if (text is "." or "..")
        {
            throw new ArgumentException($"Path parameter '{name}' must not be '.' or '..'.", name);
        }

        request.AddUrlSegment(name, text);
    }

    public static void AddQuery(RestRequest request, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case IEnumerable items and not string:
                foreach (var item in items)
                {
                    if (item is not null)
                    {
                        request.AddQueryParameter(name, FormatValue(item));
                    }
                }

                return;
            default:
                request.AddQueryParameter(name, FormatValue(value));
                return;
        }
    }

    /// <summary>Formats a path or query value the way the Studio expects: invariant culture, lower-case booleans.</summary>
    public static string FormatValue(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset date => date.ToString("o", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public void AddJsonBody(RestRequest request, object? body, string parameterName)
    {
        if (body is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(body, new ValidationContext(body), problems, validateAllProperties: true))
        {
            var fields = string.Join(", ", problems.SelectMany(p => p.MemberNames).Distinct(StringComparer.Ordinal));
            throw new ArgumentException($"{body.GetType().Name} is missing fields the API requires: {fields}.", parameterName);
        }

        request.AddStringBody(JsonConvert.SerializeObject(body, SerializerSettings), ContentType.Json);
    }

    public Task<T> SendAsync<T>(RestRequest request, string operationId, CancellationToken cancellationToken)
        where T : class =>
        RunAsync(request, operationId, (attempt, token) => SendOnceAsync<T>(request, operationId, attempt, token), cancellationToken);

    public Task<string> SendForTextAsync(RestRequest request, string operationId, CancellationToken cancellationToken) =>
        RunAsync(request, operationId, (attempt, token) => SendForTextOnceAsync(request, operationId, attempt, token), cancellationToken);

    public Task<FileResponse> SendForFileAsync(RestRequest request, string operationId, CancellationToken cancellationToken) =>
        RunAsync(request, operationId, (attempt, token) => SendForFileOnceAsync(request, operationId, attempt, token), cancellationToken);

    // One call: each attempt (send + read) inside the retry policy, logged and traced per attempt.
    private Task<T> RunAsync<T>(RestRequest request, string operationId, Func<AttemptRecord, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var operation = ApiOperation.Find(operationId);
        var projectId = SegmentOf(request, "projectId");
        var jobId = SegmentOf(request, "jobId");
        var attempts = 0;
        return _retry.ExecuteAsync(
            operation,
            async token =>
            {
                var record = new AttemptRecord { Number = ++attempts };
                var activity = TransportLogging.StartAttempt(operation, projectId, jobId, record.Number);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var result = await attempt(record, token).ConfigureAwait(false);
                    _logging.AttemptEnded(activity, operation, record.Number, record.Status, Stopwatch.GetElapsedTime(started), null);
                    return result;
                }
                catch (Exception ex)
                {
                    _logging.AttemptEnded(activity, operation, record.Number, (ex as EdgeImpulseApiException)?.Status ?? record.Status, Stopwatch.GetElapsedTime(started), ex);
                    throw;
                }
            },
            cancellationToken);
    }

    private static string? SegmentOf(RestRequest request, string name) =>
        request.Parameters.TryFind(name) is { Type: ParameterType.UrlSegment, Value: { } value } ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    private async Task<T> SendOnceAsync<T>(RestRequest request, string operationId, AttemptRecord attempt, CancellationToken cancellationToken)
        where T : class
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, ContentType.Json);
        var response = await ExecuteAsync(request, operationId, cancellationToken).ConfigureAwait(false);
        attempt.Status = (int)response.StatusCode;
        var token = ReadEnvelope(response, operationId);
        try
        {
            return token.ToObject<T>(Serializer)
                ?? throw new JsonSerializationException("The body was JSON null.");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidCastException or ArgumentException or OverflowException)
        {
            throw Failure($"{operationId} returned JSON that does not fit {typeof(T).Name}: {ex.Message}", operationId, response, null, ex);
        }
    }

    private async Task<string> SendForTextOnceAsync(RestRequest request, string operationId, AttemptRecord attempt, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, ContentType.Plain);
        var response = await ExecuteAsync(request, operationId, cancellationToken).ConfigureAwait(false);
        attempt.Status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode || IsJson(response.ContentType))
        {
            // A JSON body on a text operation is the error envelope; ReadEnvelope throws for it.
            ReadEnvelope(response, operationId);
            throw Failure($"{operationId} returned JSON where plain text was expected.", operationId, response, null);
        }

        return response.Content ?? string.Empty;
    }

    private async Task<FileResponse> SendForFileOnceAsync(RestRequest request, string operationId, AttemptRecord attempt, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, ContentType.Binary);
        var capture = new ResponseCapture();
        request.Interceptors = [capture];

        // DownloadStreamAsync reads only the headers, so the body streams to the caller (no buffering, RestSharp#1794).
        // It returns null for an error status, so the interceptor keeps the response to read the error body from.
        var stream = await _client.DownloadStreamAsync(request, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var message = capture.Message;
        if (message is null)
        {
            stream?.Dispose();
            throw new EdgeImpulseApiException($"{operationId}: no response was received (connection failed or timed out after {_options.Timeout}).", operationId, 0, null, null, null);
        }

        var status = attempt.Status = (int)message.StatusCode;
        var contentType = message.Content.Headers.ContentType?.MediaType;
        var length = message.Content.Headers.ContentLength;
        if (stream is null || !message.IsSuccessStatusCode || IsJson(contentType) || contentType == "text/html")
        {
            using (message)
            {
                var body = await ReadLimitedAsync(stream ?? await message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                var error = TryReadError(body, out var errorText);
                var reason = error ? errorText ?? "success: false" : $"a {contentType ?? "untyped"} body instead of binary data";
                throw new EdgeImpulseApiException($"{operationId} failed (HTTP {status}): {Redact(reason)}", operationId, status, errorText is null ? null : Redact(errorText), contentType, Excerpt(body));
            }
        }

        if (_options.MaxDownloadBytes is { } limit)
        {
            if (length > limit)
            {
                stream.Dispose();
                message.Dispose();
                throw new EdgeImpulseApiException($"{operationId}: the download is {length} bytes, over the configured limit of {limit} bytes (MaxDownloadBytes).", operationId, status, null, contentType, null);
            }

            stream = new LengthLimitedStream(stream, limit, operationId, status, contentType);
        }

        var headers = message.Headers.Concat(message.Content.Headers).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new FileResponse(status, headers, stream, null, message);
    }

    public void Dispose() => _client.Dispose();

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    // GenericApiResponse.error: "set if 'success' was false"; anything but a string is ignored.
    private static string? ErrorTextOf(JObject? envelope) =>
        envelope?["error"] is { Type: JTokenType.String } error ? (string?)error : null;

    private static bool TryReadError(string body, out string? errorText)
    {
        errorText = null;
        try
        {
            if (JToken.Parse(body) is JObject envelope)
            {
                errorText = ErrorTextOf(envelope);
                return errorText is not null || envelope["success"]?.Type == JTokenType.Boolean;
            }
        }
        catch (JsonReaderException)
        {
        }

        return false;
    }

    private async Task<RestResponse> ExecuteAsync(RestRequest request, string operationId, CancellationToken cancellationToken)
    {
        var response = await _client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.StatusCode == 0)
        {
            var what = response.ResponseStatus == ResponseStatus.TimedOut ? $"timed out after {_options.Timeout}" : "failed before a response arrived";
            throw new EdgeImpulseApiException($"{operationId}: the request {what}: {Redact(response.ErrorMessage ?? response.ResponseStatus.ToString())}", operationId, 0, null, null, null, Redactor.Scrub(response.ErrorException));
        }

        return response;
    }

    private JObject ReadEnvelope(RestResponse response, string operationId)
    {
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(response.Content ?? string.Empty)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
            if (reader.Read())
            {
                throw new JsonReaderException("Additional content after the JSON value.");
            }
        }
        catch (JsonReaderException ex)
        {
            var what = string.IsNullOrWhiteSpace(response.Content) ? "an empty body" : $"a body that is not JSON ({response.ContentType ?? "no content type"})";
            throw Failure($"{operationId} failed (HTTP {(int)response.StatusCode}): the server sent {what}.", operationId, response, null, ex);
        }

        var envelope = token as JObject;
        var errorText = ErrorTextOf(envelope);
        // Only "success": true is success: "false", 0, null, or an error text without success: true all fail.
        var successTrue = envelope?["success"] is { Type: JTokenType.Boolean } success && (bool)success!;
        var successFalse = envelope is not null && !successTrue && (envelope.ContainsKey("success") || errorText is not null);
        if (!response.IsSuccessStatusCode || successFalse)
        {
            var reason = errorText ?? (successFalse ? "success: false without an error text" : response.StatusDescription ?? "no error text");
            throw Failure($"{operationId} failed (HTTP {(int)response.StatusCode}): {Redact(reason)}", operationId, response, errorText);
        }

        return envelope ?? throw Failure($"{operationId} returned a JSON {token.Type} where an object was expected.", operationId, response, null);
    }

    private EdgeImpulseApiException Failure(string message, string operationId, RestResponse response, string? errorText, Exception? inner = null) =>
        new(Redact(message), operationId, (int)response.StatusCode, errorText is null ? null : Redact(errorText), response.ContentType, Excerpt(response.Content), Redactor.Scrub(inner))
        {
            RetryAfter = RetryAfterOf(response),
        };

    // Retry-After (RFC 9110 10.2.3) is either delay-seconds or an HTTP-date; job polling waits for it on 429/503.
    private static TimeSpan? RetryAfterOf(RestResponse response)
    {
        var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        if (header is null || !RetryConditionHeaderValue.TryParse(header, out var value))
        {
            return null;
        }

        var delay = value.Delta ?? (value.Date - DateTimeOffset.UtcNow);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private string? Excerpt(string? body) => string.IsNullOrEmpty(body) ? null : Redactor.Excerpt(body, ExcerptLength);

    // A server (or proxy) that echoes request headers must not leak the credential into an exception.
    internal string Redact(string text) => Redactor.Redact(text);

    /// <summary>What one attempt saw, for its log line and trace span.</summary>
    private sealed class AttemptRecord
    {
        public int Number { get; init; }

        public int Status { get; set; }
    }

    /// <summary>
    /// Gives every non-GET request a body (empty when it has none, which the wire shows as Content-Length: 0 either way).
    /// SocketsHttpHandler silently re-sends a request whose pooled connection closed before any response byte, but
    /// only while no request content has been sent (HttpConnection sets _canRetry = false when it starts sending
    /// content); a body-less POST such as cancelJob or clearDspBlock would otherwise reach the server twice.
    /// </summary>
    private sealed class NoSilentResend : RestSharp.Interceptors.Interceptor
    {
        public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
        {
            if (requestMessage.Content is null && requestMessage.Method != HttpMethod.Get && requestMessage.Method != HttpMethod.Head)
            {
                requestMessage.Content = new ByteArrayContent([]);
            }

            return ValueTask.CompletedTask;
        }
    }

    private sealed class ResponseCapture : RestSharp.Interceptors.Interceptor
    {
        public HttpResponseMessage? Message { get; private set; }

        public override ValueTask AfterHttpRequest(HttpResponseMessage responseMessage, CancellationToken cancellationToken)
        {
            Message = responseMessage;
            return ValueTask.CompletedTask;
        }
    }

    private static async Task<string> ReadLimitedAsync(Stream stream, CancellationToken cancellationToken)
    {
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ErrorBodyLimit];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}
