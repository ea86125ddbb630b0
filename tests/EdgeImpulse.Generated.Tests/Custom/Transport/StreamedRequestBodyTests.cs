using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RestSharp;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// A streamed body (multipart form, binary upload) is built anew for each attempt: a retry or a 307/308 redirect re-sends
/// it whole when its streams can be rewound, and never re-sends a non-seekable stream that was already read (the server
/// would get a truncated file): the failure says so instead.
/// </summary>
[TestFixture]
public sealed class StreamedRequestBodyTests
{
    // A safe-to-repeat upload (e.g. a classification of an uploaded image): the retry policy would repeat it.
    private static readonly ApiOperation SafeUpload = new("classifyTest", "POST", "/api/{projectId}/classify", Idempotent: true, StartsJob: false);

    private static readonly byte[] Payload = Enumerable.Range(0, 50_000).Select(i => (byte)(i % 251)).ToArray();

    private static CannedResponse Busy => CannedResponse.Json("{\"success\":false,\"error\":\"busy\"}", 503);

    [Test]
    public async Task Retry_ResendsASeekableFile_Whole()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Busy).Enqueue(CannedResponse.Json("{\"success\":true}"));
        using var connection = server.CreateConnection(Fast);
        using var file = FileParameter.FromBytes(Payload, "image.jpg", "image/jpeg");

        await connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("image", file, "image", required: true)), SafeUpload, default);

        Assert.That(server.Requests, Has.Count.EqualTo(2));
        Assert.That(server.Requests.Select(r => MultipartParts.Parse(r).Single().Body), Has.All.EqualTo(Payload));
    }

    [Test]
    public async Task Retry_DoesNotResendAReadNonSeekableStream_AndSaysWhy()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Busy).Enqueue(CannedResponse.Json("{\"success\":true}"));
        using var connection = server.CreateConnection(Fast);
        await using var stream = new ForwardOnlyStream(Payload);
        var file = new FileParameter(stream, "image.jpg", "image/jpeg");

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("image", file, "image", required: true)), SafeUpload, default));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(server.Requests, Has.Count.EqualTo(1), "a second attempt would send an empty file");
            Assert.That(ex!.Status, Is.EqualTo(503));
            Assert.That(ex.ErrorText, Is.EqualTo("busy"));
            Assert.That(ex.Message, Does.Contain("not retried").And.Contain("cannot be rewound").And.Contain("FileParameter.FromFile"));
            Assert.That(file.CanResend, Is.False);
            Assert.That(stream.Disposed, Is.False);
        }
    }

    [Test]
    public async Task ANonSeekableFile_SentOnce_CannotBeSentByASecondCall()
    {
        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection();
        await using var stream = new ForwardOnlyStream(Payload);
        var file = new FileParameter(stream, "image.jpg");
        await connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("image", file, "image", required: true)), SafeUpload, default);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("image", file, "image", required: true)), SafeUpload, default));

        Assert.That(ex!.Message, Does.Contain("already sent by an earlier call"));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retry_BinaryBodyFromFile_IsResentWhole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ei-upload-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, Payload);
        try
        {
            await using var server = LoopbackServer.Start();
            server.Enqueue(Busy).Enqueue(CannedResponse.Json("{\"success\":true}"));
            using var connection = server.CreateConnection(Fast);
            using var file = FileParameter.FromFile(path);

            await connection.SendAsync<JObject>(Request(new BinaryRequestBody(file, "application/octet-stream", "body")), SafeUpload, default);

            Assert.That(server.Requests.Select(r => (r.Header("Content-Type"), r.BodyBytes)), Is.EqualTo(new[] { ("application/octet-stream", Payload), ("application/octet-stream", Payload) }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Redirect307_ResendsASeekableBody_ToTheNewLocation()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Redirect(server)).Enqueue(CannedResponse.Json("{\"success\":true}"));
        using var connection = server.CreateConnection();
        using var file = FileParameter.FromBytes(Payload, "image.jpg", "image/jpeg");

        await connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("image", file, "image", required: true)), SafeUpload, default);

        Assert.That(server.Requests.Select(r => r.Path), Is.EqualTo(new[] { "/v1/api/1/classify", "/v1/api/1/classify-here" }));
        Assert.That(MultipartParts.Parse(server.Requests[1]).Single().Body, Is.EqualTo(Payload));
    }

    [Test]
    public async Task Redirect307_OfAReadNonSeekableBody_IsRefused()
    {
        await using var server = LoopbackServer.Start();
        server.Enqueue(Redirect(server)).Enqueue(CannedResponse.Json("{\"success\":true}"));
        using var connection = server.CreateConnection();
        await using var stream = new ForwardOnlyStream(Payload);

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("image", new FileParameter(stream, "i.jpg"), "image", required: true)), SafeUpload, default));

        Assert.That(ex!.Status, Is.EqualTo(307));
        Assert.That(ex.Message, Does.Contain("cannot be rewound"));
        Assert.That(server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task BinaryBody_CarriesTheOperationsMediaType_UnlessTheFileNamesItsOwn()
    {
        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection();
        using var data = new MemoryStream(Payload);

        await connection.SendAsync<JObject>(Request(new BinaryRequestBody(data, "application/octet-stream", "body")), SafeUpload, default);
        await connection.SendAsync<JObject>(Request(new BinaryRequestBody(FileParameter.FromBytes([1, 2], "x.png", "image/png"), "application/octet-stream", "body")), SafeUpload, default);

        Assert.That(server.Requests.Select(r => r.Header("Content-Type")), Is.EqualTo(new[] { "application/octet-stream", "image/png" }));
        Assert.That(server.Requests[0].BodyBytes, Is.EqualTo(Payload));
    }

    [Test]
    public void BinaryBody_NullOrNotAStream_IsTheCallersError()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => new BinaryRequestBody(null, "application/octet-stream", "body"), Throws.InstanceOf<ArgumentNullException>().With.Property("ParamName").EqualTo("body"));
            Assert.That(() => new BinaryRequestBody("text", "application/octet-stream", "body"), Throws.ArgumentException.With.Property("ParamName").EqualTo("body"));
        }
    }

    [Test]
    public async Task TextBody_IsUtf8_WithTheOperationsMediaType()
    {
        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection();
        var request = new RestRequest("api/1/classify", Method.Post);
        ApiConnection.AddTextBody(request, "a,b\nç,1\n", "text/csv", "body");

        await connection.SendAsync<JObject>(request, SafeUpload, default);

        Assert.That(server.SingleRequest.Header("Content-Type"), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(server.SingleRequest.Body, Is.EqualTo("a,b\nç,1\n"));
        Assert.That(() => ApiConnection.AddTextBody(request, null, "text/plain", "body"), Throws.InstanceOf<ArgumentNullException>());
    }

    [Test]
    public async Task Upload_LongerThanTheTimeout_ButMakingProgress_IsNotCutOff()
    {
        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection(o => o.Timeout = TimeSpan.FromMilliseconds(600));
        await using var stream = new TricklingStream(chunks: 8, delay: TimeSpan.FromMilliseconds(200)); // about 1.6 s in all

        await connection.SendAsync<JObject>(Request(new MultipartFormBody().Add("zip", new FileParameter(stream, "a.zip"), "zip", required: true)), SafeUpload, default);

        Assert.That(MultipartParts.Parse(server.SingleRequest).Single().Body, Has.Length.EqualTo(8 * TricklingStream.ChunkSize));
    }

    [Test]
    public async Task Upload_ThatStalls_TimesOut()
    {
        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection(o => o.Timeout = TimeSpan.FromMilliseconds(500));
        await using var stream = new TricklingStream(chunks: 1, delay: TimeSpan.Zero) { StallAfterLastChunk = true };

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => connection.SendAsync<JObject>(Request(new BinaryRequestBody(stream, "application/octet-stream", "body")), SafeUpload, default));

        Assert.That(ex!.Status, Is.EqualTo(0));
        Assert.That(ex.Message, Does.Contain("timed out"));
    }

    private static void Fast(EdgeImpulseClientOptions options) => options.Retry = new EdgeImpulseRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

    private static CannedResponse Redirect(LoopbackServer server) =>
        new(307, [], null, new Dictionary<string, string> { ["Location"] = new Uri(server.Root, "v1/api/1/classify-here").ToString() });

    private static RestRequest Request(StreamedRequestBody body)
    {
        var request = new RestRequest("api/{projectId}/classify", Method.Post);
        ApiConnection.AddPathSegment(request, "projectId", 1);
        body.AttachTo(request);
        return request;
    }

    /// <summary>A non-seekable upload that arrives slowly: a chunk per delay, then the end (or nothing more, ever).</summary>
    private sealed class TricklingStream(int chunks, TimeSpan delay) : Stream
    {
        public const int ChunkSize = 1024;

        private int _sent;

        public bool StallAfterLastChunk { get; init; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
        {
            if (_sent == chunks)
            {
                if (StallAfterLastChunk)
                {
                    await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                }

                return 0;
            }

            await Task.Delay(delay, cancellationToken);
            var count = Math.Min(buffer.Length, ChunkSize);
            buffer.Span[..count].Fill((byte)'x');
            _sent++;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read asynchronously");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
