using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>One request as the loopback server saw it on the wire.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>Gets the body's bytes as they arrived (<see cref="Body"/> is their UTF-8 reading; a file upload may not be text).</summary>
    public byte[] BodyBytes { get; init; } = [];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A canned response: status, body bytes, content type, extra headers.</summary>
internal sealed record CannedResponse(int Status, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Gets how long the server waits before answering (for timeout and cancellation tests).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Gets a value indicating whether the body is sent chunked, without a Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>
    /// Gets the number of body bytes sent before the server stalls: it then sends nothing more, and holds the
    /// connection open until it is disposed (for body and read timeout tests). Null sends the whole body.
    /// </summary>
    public int? StallAfterBytes { get; init; }

    /// <summary>Gets the number of body bytes sent before the server drops the connection mid-body; null sends the whole body.</summary>
    public int? DropAfterBytes { get; init; }

    /// <summary>Gets a value indicating whether the server drops the connection instead of answering (a network fault).</summary>
    public bool DropConnection { get; init; }

    /// <summary>Gets a response that is no response: the connection is closed before any status line is sent.</summary>
    public static CannedResponse Dropped { get; } = new(0, [], null) { DropConnection = true };

    public static CannedResponse Json(string json, int status = 200) => new(status, Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8");

    public static CannedResponse Fixture(string relativePath, int status = 200) => Json(TestPaths.ReadFixture(relativePath), status);

    public static CannedResponse Text(string text, string contentType = "text/plain; charset=utf-8", int status = 200) => new(status, Encoding.UTF8.GetBytes(text), contentType);

    public static CannedResponse Binary(byte[] body, string contentType = "application/octet-stream", int status = 200) => new(status, body, contentType);
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener on a free port) that records every request and answers
/// with queued responses, so tests observe exactly what the client puts on the wire.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    public const string ApiKey = "ei_0123456789abcdef_test_only_key";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<CannedResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoopbackServer(int port)
    {
        Root = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Root.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Root { get; }

    /// <summary>Gets the API base address the client is pointed at (the Studio's has a /v1 prefix too).</summary>
    public Uri BaseUrl => new(Root, "v1");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public RecordedRequest SingleRequest => Requests.Count == 1 ? Requests[0] : throw new InvalidOperationException($"Expected one request, got {Requests.Count}.");

    /// <summary>Used when the queue is empty.</summary>
    public CannedResponse DefaultResponse { get; set; } = CannedResponse.Json("{\"success\":true}");

    /// <summary>
    /// Gets or sets a function asked first for every request (e.g. to answer by path, or from a script whose state
    /// changes between calls); when it returns null the queue and then <see cref="DefaultResponse"/> answer.
    /// </summary>
    public Func<RecordedRequest, CannedResponse?>? Responder { get; set; }

    public static LoopbackServer Start()
    {
        // HttpListener cannot bind port 0, so take a free port from the OS first; retry on the rare race.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new LoopbackServer(port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    public LoopbackServer Enqueue(CannedResponse response)
    {
        _responses.Enqueue(response);
        return this;
    }

    public EdgeImpulseClient CreateClient(Action<EdgeImpulseClientOptions>? configure = null) => new(Options(configure));

    /// <summary>The transport alone, for requests no generated operation of today's spec makes (e.g. a multipart upload).</summary>
    public ApiConnection CreateConnection(Action<EdgeImpulseClientOptions>? configure = null) => new(Options(configure), null);

    private EdgeImpulseClientOptions Options(Action<EdgeImpulseClientOptions>? configure)
    {
        // One attempt per call unless a test turns retries on: most tests here check what one attempt does with an
        // answer (RetryPolicyTests and the fault suite check the retries).
        var options = new EdgeImpulseClientOptions { BaseUrl = BaseUrl, ApiKey = ApiKey, Timeout = TimeSpan.FromSeconds(10), Retry = new EdgeImpulseRetryOptions { MaxRetries = 0 } };
        configure?.Invoke(options);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                return;
            }

            await HandleAsync(context).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        byte[] bodyBytes;
        using (var buffer = new MemoryStream())
        {
            await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            bodyBytes = buffer.ToArray();
        }

        var headers = request.Headers.AllKeys.OfType<string>()
            .ToDictionary(k => k, k => request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var rawUrl = request.RawUrl ?? "/";
        var queryStart = rawUrl.IndexOf('?', StringComparison.Ordinal);
        var recorded = new RecordedRequest(
            request.HttpMethod,
            queryStart < 0 ? rawUrl : rawUrl[..queryStart],
            queryStart < 0 ? string.Empty : rawUrl[(queryStart + 1)..],
            headers,
            Encoding.UTF8.GetString(bodyBytes))
        {
            BodyBytes = bodyBytes,
        };
        _requests.Enqueue(recorded);

        var canned = Responder?.Invoke(recorded) ?? (_responses.TryDequeue(out var next) ? next : DefaultResponse);
        var response = context.Response;
        try
        {
            if (canned.Delay > TimeSpan.Zero)
            {
                await Task.Delay(canned.Delay, _stop.Token).ConfigureAwait(false);
            }

            if (canned.DropConnection)
            {
                // HttpListener cannot close a connection without answering, so promise a body and cut it short.
                response.StatusCode = 200;
                response.ContentType = "application/json";
                response.ContentLength64 = 1024;
                await response.OutputStream.WriteAsync("{\"success\":"u8.ToArray()).ConfigureAwait(false);
                response.Abort();
                return;
            }

            response.StatusCode = canned.Status;
            if (canned.ContentType is not null)
            {
                response.ContentType = canned.ContentType;
            }

            foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
            {
                response.Headers[name] = value;
            }

            if (canned.Chunked)
            {
                response.SendChunked = true;
            }
            else
            {
                response.ContentLength64 = canned.Body.Length;
            }

            if (canned.StallAfterBytes is { } sent)
            {
                await response.OutputStream.WriteAsync(canned.Body.AsMemory(0, sent), _stop.Token).ConfigureAwait(false);
                await response.OutputStream.FlushAsync(_stop.Token).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
            }

            if (canned.DropAfterBytes is { } partial)
            {
                await response.OutputStream.WriteAsync(canned.Body.AsMemory(0, partial), _stop.Token).ConfigureAwait(false);
                await response.OutputStream.FlushAsync(_stop.Token).ConfigureAwait(false);
                response.Abort();
                return;
            }

            await response.OutputStream.WriteAsync(canned.Body).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away (e.g. a cancelled call); nothing to answer.
        }
    }
}
