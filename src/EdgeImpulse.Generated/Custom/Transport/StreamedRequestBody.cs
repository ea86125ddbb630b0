// CUSTOM: a request body built anew for every attempt from the caller's files and values (a multipart form, a binary
// upload), instead of bytes fixed once. It rides on the RestRequest as an interceptor that sets the HttpRequestMessage's
// content just before sending, so RestSharp never buffers it and a retry or redirect (which re-sends the RestRequest)
// gets a fresh content whose streams start where the caller's did. Whether it can be sent again at all is CanResend:
// the retry policy and the redirect policy ask before re-sending (a non-seekable stream is sent at most once).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;

namespace EdgeImpulse.Generated;

internal abstract class StreamedRequestBody : RestSharp.Interceptors.Interceptor
{
    /// <summary>Gets the files the body streams (each read once per attempt).</summary>
    protected abstract IEnumerable<FileParameter> Files { get; }

    /// <summary>
    /// Gets a value indicating whether the body can be sent (again): every file it streams can be rewound, or has not
    /// been read yet (a non-seekable stream whose first byte went out cannot be sent twice).
    /// </summary>
    public bool CanResend => Files.All(file => file.CanResend || !file.ReadStarted);

    /// <summary>
    /// Gets or sets what runs at each read from a file while it is sent: ApiConnection restarts the attempt's timeout
    /// there, so an upload that makes progress is bounded by its progress, not by its size.
    /// </summary>
    public Action? Progress { get; set; }

    /// <summary>Gets the body attached to <paramref name="request"/>, if any.</summary>
    public static StreamedRequestBody? Of(RestRequest request) => request.Interceptors?.OfType<StreamedRequestBody>().FirstOrDefault();

    /// <summary>Attaches this body to <paramref name="request"/> (replacing one attached before).</summary>
    public void AttachTo(RestRequest request)
    {
        var interceptors = request.Interceptors ??= [];
        interceptors.RemoveAll(interceptor => interceptor is StreamedRequestBody);
        interceptors.Add(this);
    }

    /// <inheritdoc />
    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        if (!CanResend)
        {
            // The retry and redirect policies ask CanResend first; this is the last guard against sending half a body.
            throw new InvalidOperationException("The request body was read from a stream that cannot be rewound; it cannot be sent again.");
        }

        requestMessage.Content?.Dispose();
        requestMessage.Content = CreateContent();
        return ValueTask.CompletedTask;
    }

    /// <summary>Builds the content of one attempt.</summary>
    protected abstract HttpContent CreateContent();

    /// <summary>The content of one file: its stream from where it started, not disposed with the request, length known when it can seek.</summary>
    protected HttpContent FileContent(FileParameter file, string? defaultContentType = FileParameter.DefaultContentType)
    {
        if (file.StartPosition is { } start)
        {
            file.Data.Position = start;
        }

        var content = new StreamContent(new CallerStream(file, this));
        var contentType = file.ContentType ?? defaultContentType;
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    /// <summary>
    /// The caller's stream as one attempt reads it: never closed (the caller owns it; StreamContent disposes what it is
    /// given), and marking its file as read at the first read, so a non-seekable one is known to be spent.
    /// </summary>
    private sealed class CallerStream(FileParameter file, StreamedRequestBody body) : Stream
    {
        private readonly Stream _inner = file.Data;

        public override bool CanRead => true;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            file.ReadStarted = true;
            body.Progress?.Invoke();
            return _inner.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            file.ReadStarted = true;
            body.Progress?.Invoke();
            return _inner.Read(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            file.ReadStarted = true;
            body.Progress?.Invoke();
            return _inner.ReadAsync(buffer, cancellationToken);
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // Dispose(bool) is not overridden on purpose: the caller's stream stays open.
    }
}
