// CUSTOM: everything the generated area clients share: one RestClient, request building helpers, and RunAsync, the
// one path every call takes: the retry policy (Custom/Transport/RetryPolicy.cs) around each attempt, which sends once
// and hands the response to a reader in Custom/Transport, logged and traced per attempt (TransportLogging.cs). The
// generated methods only describe their request (Templates/Client.Class.liquid), so this logic exists once.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using RestSharp;

namespace EdgeImpulse.Generated;

internal sealed class ApiConnection : IDisposable
{
    private readonly RestClient _client;
    private readonly EdgeImpulseClientOptions _options;
    private readonly ResponseReader _reader;
    private readonly TransportLogging _logging;
    private readonly RetryPolicy _retry;
    private readonly CredentialPolicy _credentials;

    /// <param name="options">The validated options.</param>
    /// <param name="httpClient">A caller's HttpClient, or null for the connection's own.</param>
    /// <param name="loggerFactory">Where to log, or null.</param>
    /// <param name="profile">The service's specifics; null for this client's own (<see cref="ClientService.Profile"/>).</param>
    public ApiConnection(EdgeImpulseClientOptions options, HttpClient? httpClient, ILoggerFactory? loggerFactory = null, ServiceProfile? profile = null)
    {
        _options = options;
        profile ??= ClientService.Profile;
        Redactor = new Redactor([options.ApiKey, options.JwtToken]);
        _reader = new ResponseReader(options, Redactor, profile);
        _logging = new TransportLogging(loggerFactory, Redactor);
        _retry = new RetryPolicy(options.Retry, _logging);
        var restOptions = new RestClientOptions(options.BaseUrl)
        {
            // RunAsync's timeout covers headers and body; RestSharp's would stop at the headers.
            Timeout = Timeout.InfiniteTimeSpan,
            UserAgent = options.UserAgent,

            // A transport failure surfaces as the exception itself (RunAsync classifies it); any status is a response.
            ThrowOnAnyError = true,
            SetErrorExceptionOnUnsuccessfulStatusCode = false,
            ThrowOnDeserializationError = false,
            Interceptors = [new NoSilentResend(), _credentials = new CredentialPolicy(options, profile)],

            // Redirects are followed by RunAsync (RedirectPolicy), so credentials stay on the configured origin.
            FollowRedirects = false,
        };
        _client = httpClient is null ? new RestClient(restOptions) : new RestClient(httpClient, restOptions, disposeHttpClient: false);
    }

    /// <summary>Gets the redactor for this client's credentials (messages, excerpts, job failure reasons, logs).</summary>
    public Redactor Redactor { get; }

    /// <summary>Gets the client's logging (job state changes are logged through it too).</summary>
    internal TransportLogging Logging => _logging;

    public static JsonSerializerSettings SerializerSettings { get; } = new()
    {
        // Dates stay strings until a DateTimeOffset property reads them, so no offset or precision is lost.
        DateParseHandling = DateParseHandling.None,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        ContractResolver = DtoContractResolver.Instance,
    };

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(SerializerSettings);

    // The Content-Type a string body had (StringContent adds the charset); a byte[] body sends this one as it is.
    private static readonly ContentType JsonUtf8 = "application/json; charset=utf-8";

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

        RequestBodyValidator.ThrowIfInvalid(body, parameterName);
        request.AddBody(JsonRequestBody.ToUtf8(body), JsonUtf8);
    }

    /// <summary>Sets a text body (requestBody content text/plain, text/csv, ...) as UTF-8 with <paramref name="contentType"/>.</summary>
    public static void AddTextBody(RestRequest request, string? body, string contentType, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(body, parameterName);
        var type = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        type.CharSet ??= "utf-8";
        request.AddBody(System.Text.Encoding.UTF8.GetBytes(body), type.ToString());
    }

    /// <summary>Sends an operation whose answer has no content the spec describes (e.g. 204); a JSON answer is still checked for the error envelope.</summary>
    public Task SendWithoutResultAsync(RestRequest request, string operationId, CancellationToken cancellationToken) =>
        SendWithoutResultAsync(request, ApiOperation.Find(operationId), cancellationToken);

    /// <summary>Sends an operation described by <paramref name="operation"/> whose answer has no content the spec describes.</summary>
    public Task SendWithoutResultAsync(RestRequest request, ApiOperation operation, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, ContentType.Json);
        return RunAsync(request, operation, ReadNoResult, cancellationToken);
    }

    /// <summary>Sends a JSON operation and streams its answer into <typeparamref name="T"/>.</summary>
    public Task<T> SendAsync<T>(RestRequest request, string operationId, CancellationToken cancellationToken)
        where T : class => SendAsync<T>(request, ApiOperation.Find(operationId), cancellationToken);

    /// <summary>Sends a JSON operation described by <paramref name="operation"/> (e.g. a raw request's ad-hoc one).</summary>
    public Task<T> SendAsync<T>(RestRequest request, ApiOperation operation, CancellationToken cancellationToken)
        where T : class
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, ContentType.Json);
        return RunAsync(request, operation, JsonReaders<T>.Read, cancellationToken);
    }

    /// <summary>Sends a text operation (e.g. a job's log) that answers <paramref name="accept"/> (the spec's media type, e.g. <c>text/plain</c>).</summary>
    public Task<string> SendForTextAsync(RestRequest request, string operationId, string accept, CancellationToken cancellationToken) =>
        SendForTextAsync(request, ApiOperation.Find(operationId), accept, cancellationToken);

    /// <summary>Sends a text operation described by <paramref name="operation"/>.</summary>
    public Task<string> SendForTextAsync(RestRequest request, ApiOperation operation, CancellationToken cancellationToken) =>
        SendForTextAsync(request, operation, ContentType.Plain, cancellationToken);

    /// <summary>Sends a text operation described by <paramref name="operation"/> that answers <paramref name="accept"/>.</summary>
    public Task<string> SendForTextAsync(RestRequest request, ApiOperation operation, string accept, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, accept);
        return RunAsync(request, operation, ReadText, cancellationToken);
    }

    /// <summary>Sends a download operation that answers <paramref name="accept"/> (the spec's media type, e.g. <c>application/zip</c>); the body streams to the caller through <see cref="FileResponse.Stream"/>.</summary>
    public Task<FileResponse> SendForFileAsync(RestRequest request, string operationId, string accept, CancellationToken cancellationToken) =>
        SendForFileAsync(request, ApiOperation.Find(operationId), accept, cancellationToken);

    /// <summary>Sends a download operation described by <paramref name="operation"/>.</summary>
    public Task<FileResponse> SendForFileAsync(RestRequest request, ApiOperation operation, CancellationToken cancellationToken) =>
        SendForFileAsync(request, operation, ContentType.Binary, cancellationToken);

    /// <summary>Sends a download operation described by <paramref name="operation"/> that answers <paramref name="accept"/>.</summary>
    public Task<FileResponse> SendForFileAsync(RestRequest request, ApiOperation operation, string accept, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader(KnownHeaders.Accept, accept);
        return RunAsync(request, operation, ReadFile, cancellationToken);
    }

    /// <summary>
    /// The one path every operation takes: sends one attempt through RestSharp, returning at the response headers,
    /// and lets <paramref name="read"/> turn the response into the result. <see cref="EdgeImpulseClientOptions.Timeout"/>
    /// covers the attempt from sending until <paramref name="read"/> returns (for JSON and text: the whole body; for a
    /// download: the headers, or an error body). Failures without a usable response (no connection, a timeout, a body
    /// that breaks off) become <see cref="EdgeImpulseApiException"/> with Status 0; the caller's token stays a cancellation.
    /// </summary>
    internal Task<TResult> RunAsync<TResult>(RestRequest request, string operationId, ReadResponse<TResult> read, CancellationToken cancellationToken) =>
        RunAsync(request, ApiOperation.Find(operationId), read, cancellationToken);

    /// <summary>As <see cref="RunAsync{TResult}(RestRequest, string, ReadResponse{TResult}, CancellationToken)"/>, for an operation the caller describes (a raw request carries its own idempotency).</summary>
    internal Task<TResult> RunAsync<TResult>(RestRequest request, ApiOperation operation, ReadResponse<TResult> read, CancellationToken cancellationToken)
    {
        // Only a trace records the ids, and looking them up allocates: skipped while nobody listens.
        var traced = TransportLogging.HasListeners;
        var projectId = traced ? SegmentOf(request, "projectId") : null;
        var jobId = traced ? SegmentOf(request, "jobId") : null;
        var attempts = 0;

        // A body streamed from the caller's files is re-sent only while it can be (see StreamedRequestBody.CanResend);
        // one already spent by an earlier call (the same FileParameter over a non-seekable stream) is the caller's error.
        var body = StreamedRequestBody.Of(request);
        if (body is { CanResend: false })
        {
            throw new ArgumentException($"{operation.Id}: a file's stream was already sent by an earlier call and cannot be rewound; pass a new FileParameter, a seekable stream, FileParameter.FromFile or FileParameter.FromBytes.");
        }
        return _retry.ExecuteAsync(
            operation,
            async token =>
            {
                var number = Interlocked.Increment(ref attempts);
                var activity = TransportLogging.StartAttempt(operation, projectId, jobId, number);
                var started = Stopwatch.GetTimestamp();
                var status = new StrongBox<int>();
                try
                {
                    var result = await SendOnceAsync(request, operation, read, status, token).ConfigureAwait(false);
                    _logging.AttemptEnded(activity, operation, number, status.Value, Stopwatch.GetElapsedTime(started), null);
                    return result;
                }
                catch (Exception ex)
                {
                    _logging.AttemptEnded(activity, operation, number, (ex as EdgeImpulseApiException)?.Status ?? status.Value, Stopwatch.GetElapsedTime(started), ex);
                    throw;
                }
            },
            cancellationToken,
            body is null ? null : () => body.CanResend);
    }

    /// <summary>One attempt: sends the request once and reads the response (see <see cref="RunAsync{TResult}(RestRequest, ApiOperation, ReadResponse{TResult}, CancellationToken)"/>).</summary>
    private async Task<TResult> SendOnceAsync<TResult>(RestRequest request, ApiOperation operation, ReadResponse<TResult> read, StrongBox<int> status, CancellationToken cancellationToken)
    {
        var operationId = operation.Id;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var upload = StreamedRequestBody.Of(request);
        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            attempt.CancelAfter(_options.Timeout);

            // While a streamed body goes out, each read restarts the clock: a large upload is not cut off for its size,
            // a stalled one still is; after the last read the whole Timeout is left for the answer.
            upload?.Progress = () => attempt.CancelAfter(_options.Timeout);
        }

        var capture = new ResponseCapture();
        (request.Interceptors ??= []).Add(capture);
        var originalRequest = request;
        HttpResponseMessage? response = null;
        try
        {
            // DownloadStreamAsync returns at the headers (HttpCompletionOption.ResponseHeadersRead), so the reader
            // streams the body once; RestSharp's own timeout is off (see the constructor) because it would end at the
            // headers. The interceptor hands over the HttpResponseMessage, which the reader owns from here on.
            await _client.DownloadStreamAsync(request, attempt.Token).ConfigureAwait(false);
            response = capture.Message ?? throw new HttpRequestException("RestSharp returned no response.");
            var followed = false;
            for (var redirects = 0; RedirectPolicy.IsRedirect(response); redirects++)
            {
                RestRequest next;
                try
                {
                    next = RedirectPolicy.Follow(request, response, operation, _credentials, redirects);
                }
                catch (EdgeImpulseApiException)
                {
                    response.Dispose();
                    throw;
                }

                followed = true;
                response.Dispose();
                response = null;
                capture.Reset();
                (next.Interceptors ??= []).Add(capture);
                request = next;
                await _client.DownloadStreamAsync(request, attempt.Token).ConfigureAwait(false);
                response = capture.Message ?? throw new HttpRequestException("RestSharp returned no response.");
            }

            // A caller-owned handler that follows redirects itself may have carried the request elsewhere.
            if (!followed && response.RequestMessage?.RequestUri is { } answeredFrom && !_credentials.IsConfiguredOrigin(answeredFrom))
            {
                var failure = RedirectPolicy.LeftTheOrigin(operation, response);
                response.Dispose();
                throw failure;
            }

            status.Value = (int)response.StatusCode;
            return await read(_reader, response, operationId, attempt.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not EdgeImpulseApiException)
        {
            response?.Dispose();
            var failure = TransportFailure(ex, operationId, response, attempt.IsCancellationRequested, cancellationToken);
            if (failure is null)
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            originalRequest.Interceptors?.Remove(capture);
            upload?.Progress = null;
        }
    }

    public void Dispose() => _client.Dispose();

    // A server (or proxy) that echoes request headers must not leak the credential into an exception.
    // Internal so job failure messages (which quote job log lines) are redacted the same way.
    internal string Redact(string text) => Redactor.Redact(text);

    private static Task<string> ReadText(ResponseReader reader, HttpResponseMessage response, string operationId, CancellationToken cancellationToken) =>
        reader.ReadTextAsync(response, operationId, cancellationToken);

    private static Task<bool> ReadNoResult(ResponseReader reader, HttpResponseMessage response, string operationId, CancellationToken cancellationToken) =>
        reader.ReadNoResultAsync(response, operationId, cancellationToken);

    private static Task<FileResponse> ReadFile(ResponseReader reader, HttpResponseMessage response, string operationId, CancellationToken cancellationToken) =>
        reader.ReadFileAsync(response, operationId, cancellationToken);

    /// <summary>Classifies what went wrong below the reader: null when <paramref name="ex"/> should surface as it is.</summary>
    private Exception? TransportFailure(Exception ex, string operationId, HttpResponseMessage? response, bool attemptCancelled, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // The caller's own cancellation, however the handler reported it.
            return ex is OperationCanceledException ? null : new OperationCanceledException($"{operationId} was cancelled.", ex, cancellationToken);
        }

        var phase = response is null ? "before a response arrived" : $"while reading the HTTP {(int)response.StatusCode} response body";
        if (ex is OperationCanceledException || (attemptCancelled && ex is IOException or HttpRequestException))
        {
            // Our Timeout, or (when it did not fire) the Timeout of an HttpClient the caller passed in.
            var limit = attemptCancelled ? $"after {Describe(_options.Timeout)} (EdgeImpulseClientOptions.Timeout)" : "(the HttpClient's own Timeout)";
            return new EdgeImpulseApiException($"{operationId}: the request timed out {limit} {phase}.", operationId, 0, null, response?.Content.Headers.ContentType?.MediaType, null, Redactor.Scrub(ex));
        }

        if (ex is HttpRequestException or IOException)
        {
            var what = response is null ? "failed before a response arrived" : $"broke off {phase}";
            return new EdgeImpulseApiException($"{operationId}: the request {what}: {Redactor.Excerpt(ex.GetBaseException().Message, ResponseReader.QuoteLength)}", operationId, 0, null, response?.Content.Headers.ContentType?.MediaType, null, Redactor.Scrub(ex));
        }

        return null;
    }

    /// <summary>A duration as people write it: 200 ms, 30 s, 00:02:00.</summary>
    internal static string Describe(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms",
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        _ => duration.ToString("c", CultureInfo.InvariantCulture),
    };

    private static string? SegmentOf(RestRequest request, string name) =>
        request.Parameters.TryFind(name) is { Type: ParameterType.UrlSegment, Value: { } value } ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Gives every non-GET request a body (empty when it has none; the wire shows Content-Length: 0 either way).
    /// SocketsHttpHandler silently re-sends a request whose pooled connection closed before any response byte, but
    /// only while no request content has been sent (HttpConnection sets _canRetry = false as it starts sending
    /// content): a body-less POST such as cancelJob or clearDspBlock would otherwise reach the server twice.
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

        public void Reset() => Message = null;

        public override ValueTask AfterHttpRequest(HttpResponseMessage responseMessage, CancellationToken cancellationToken)
        {
            Message = responseMessage;
            return ValueTask.CompletedTask;
        }
    }

}
