using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>What the raw server does with one request.</summary>
public enum RawAction
{
    /// <summary>Answer 200 with a small JSON body and keep the connection open.</summary>
    Answer,

    /// <summary>Close the connection without sending a byte (a pooled connection the server dropped).</summary>
    Close,

    /// <summary>Send the status line and headers, half of the body, then reset the connection.</summary>
    ResetMidBody,

    /// <summary>Never answer (until the server stops): a hung server.</summary>
    Stall,

    /// <summary>Answer 503 with a JSON error envelope.</summary>
    ServiceUnavailable,

    /// <summary>Answer 429 with Retry-After: 0.</summary>
    TooManyRequests,

    /// <summary>Answer 502 with a load balancer's HTML page.</summary>
    BadGatewayHtml,
}

/// <summary>One request the raw server read.</summary>
internal sealed record RawRequest(int Connection, int IndexOnConnection, string Method, string Path, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// An HTTP/1.1 server on a raw loopback socket, so a test controls exactly when a connection closes (which HttpListener
/// cannot) and counts every request that reached it, including ones the client's HTTP stack re-sent on its own.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Func<RawRequest, RawAction> _decide;
    private readonly string _body;
    private readonly Task _loop;
    private int _connections;

    public RawHttpServer(Func<RawRequest, RawAction> decide, string body = "{\"success\":true}")
    {
        _decide = decide;
        _body = body;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1");

    public IReadOnlyCollection<RawRequest> Requests => _requests.ToArray();

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            _ = ServeAsync(socket, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using (socket)
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            try
            {
                for (var index = 1; ; index++)
                {
                    var request = await ReadRequestAsync(stream, connection, index).ConfigureAwait(false);
                    if (request is null)
                    {
                        return;
                    }

                    _requests.Enqueue(request);
                    var body = Encoding.UTF8.GetBytes(_body);
                    var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                    switch (_decide(request))
                    {
                        case RawAction.Answer:
                            await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
                            await stream.WriteAsync(body, _stop.Token).ConfigureAwait(false);
                            break;
                        case RawAction.Close:
                            socket.Shutdown(SocketShutdown.Both);
                            return;
                        case RawAction.ResetMidBody:
                            await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
                            await stream.WriteAsync(body.AsMemory(0, body.Length / 2), _stop.Token).ConfigureAwait(false);
                            socket.LingerState = new LingerOption(true, 0);
                            return;
                        case RawAction.ServiceUnavailable:
                            await WriteAsync(stream, 503, "application/json", "{\"success\":false,\"error\":\"Service unavailable\"}", string.Empty).ConfigureAwait(false);
                            break;
                        case RawAction.TooManyRequests:
                            await WriteAsync(stream, 429, "application/json", "{\"success\":false,\"error\":\"Too many requests\"}", "Retry-After: 0\r\n").ConfigureAwait(false);
                            break;
                        case RawAction.BadGatewayHtml:
                            await WriteAsync(stream, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", string.Empty).ConfigureAwait(false);
                            break;
                        case RawAction.Stall:
                            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                            return;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task WriteAsync(NetworkStream stream, int status, string contentType, string body, string extraHeaders)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n{extraHeaders}\r\n");
        await stream.WriteAsync(head, _stop.Token).ConfigureAwait(false);
        await stream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
    }

    private async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, int connection, int index)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        if (headers.TryGetValue("Content-Length", out var length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var count)
        {
            await stream.ReadExactlyAsync(new byte[count], _stop.Token).ConfigureAwait(false);
        }

        return new RawRequest(connection, index, start[0], start[1], headers);
    }
}
