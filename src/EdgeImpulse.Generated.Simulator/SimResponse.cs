using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Simulator;

/// <summary>What the simulator sends back: built under the state lock, written after it, so a slow client blocks no one.</summary>
internal sealed record SimResponse
{
    private SimResponse(int status, string contentType, long length, Func<Stream, CancellationToken, Task> writeBody)
    {
        Status = status;
        ContentType = contentType;
        Length = length;
        WriteBodyAsync = writeBody;
    }

    public int Status { get; }

    public string ContentType { get; }

    public long Length { get; }

    public Func<Stream, CancellationToken, Task> WriteBodyAsync { get; }

    public (string Name, string Value)? ExtraHeader { get; init; }

    public static SimResponse Json(JToken body, int status = 200) =>
        Bytes(Encoding.UTF8.GetBytes(body.ToString(Formatting.None)), "application/json; charset=utf-8", status);

    public static SimResponse Success() => Json(new JObject { ["success"] = true });

    public static SimResponse Failure(int status, string error) => Json(new JObject { ["success"] = false, ["error"] = error }, status);

    public static SimResponse Text(string text, string contentType = "text/plain; charset=utf-8", int status = 200) =>
        Bytes(Encoding.UTF8.GetBytes(text), contentType, status);

    public static SimResponse Bytes(byte[] body, string contentType, int status = 200) =>
        new(status, contentType, body.Length, (stream, cancellationToken) => stream.WriteAsync(body, cancellationToken).AsTask());

    public static SimResponse Streamed(long length, string contentType, Func<Stream, CancellationToken, Task> writeBody) =>
        new(200, contentType, length, writeBody);
}
