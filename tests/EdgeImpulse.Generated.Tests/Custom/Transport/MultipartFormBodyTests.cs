using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using RestSharp;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>
/// What a multipart/form-data body puts on the wire (RFC 7578), seen by a real server: each field one part with its
/// name, files streamed with their file name and media type, text without a media type, lists repeated, objects as
/// JSON; required fields refused before anything is sent, optional nulls left out.
/// </summary>
[TestFixture]
public sealed class MultipartFormBodyTests
{
    private static readonly ApiOperation Upload = new("uploadTest", "POST", "/api/{projectId}/upload", Idempotent: false, StartsJob: false);

    [Test]
    public async Task FilesAndFields_EachArriveAsOnePart_InOrder()
    {
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray(); // not UTF-8: must arrive byte for byte
        var form = new MultipartFormBody()
            .Add("modelFile", FileParameter.FromBytes(bytes, "model.tflite", "application/octet-stream"), "modelFile", required: true)
            .Add("modelFileName", "model.tflite", "modelFileName", required: true)
            .Add("impulseId", 3, "impulseId", required: false)
            .Add("privileged", true, "privileged", required: false)
            .Add("device", null, "device", required: false);

        var (request, parts) = await SendAsync(form);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Header("Content-Type"), Does.Match("^multipart/form-data; boundary=[0-9a-f]{32}$"), "boundary unquoted");
            Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "modelFile", "modelFileName", "impulseId", "privileged" }), "null optional field left out");
            Assert.That(parts[0].FileName, Is.EqualTo("model.tflite"));
            Assert.That(parts[0].ContentType, Is.EqualTo("application/octet-stream"));
            Assert.That(parts[0].Body, Is.EqualTo(bytes));
            Assert.That(parts[0].Disposition, Does.Not.Contain("filename*"), "RFC 7578 4.2: no RFC 5987 encoding");
            Assert.That(parts[1].Text, Is.EqualTo("model.tflite"));
            Assert.That(parts[1].FileName, Is.Null, "a text field is not a file");
            Assert.That(parts[1].ContentType, Is.Null, "a text field has no media type, as browsers send it");
            Assert.That(parts[2].Text, Is.EqualTo("3"));
            Assert.That(parts[3].Text, Is.EqualTo("true"));
            Assert.That(request.Header("Content-Length"), Is.EqualTo(request.BodyBytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), "seekable content: length known, not chunked");
        }
    }

    [Test]
    public async Task FileWithoutNameOrType_IsSentAsTheFieldName_OctetStream()
    {
        using var data = new MemoryStream([1, 2, 3]);
        var (_, parts) = await SendAsync(new MultipartFormBody().Add("zip", new FileParameter(data), "zip", required: true));

        Assert.That(parts.Single().FileName, Is.EqualTo("zip"));
        Assert.That(parts.Single().ContentType, Is.EqualTo("application/octet-stream"));
    }

    [Test]
    public async Task FileList_IsOnePartPerFile_UnderTheSameName()
    {
        var files = new[] { FileParameter.FromBytes("a"u8.ToArray(), "a.wav", "audio/wav"), FileParameter.FromBytes("b"u8.ToArray(), "b.wav", "audio/wav") };
        var (_, parts) = await SendAsync(new MultipartFormBody().Add("files[]", files, "files", required: true));

        Assert.That(parts.Select(p => (p.Name, p.FileName, p.ContentType, p.Text)), Is.EqualTo(new[] { ("files[]", "a.wav", "audio/wav", "a"), ("files[]", "b.wav", "audio/wav", "b") }));
    }

    [Test]
    public async Task TextList_RepeatsThePart_ObjectAndObjectList_AreOneJsonPart()
    {
        var form = new MultipartFormBody()
            .Add("targetWords", new List<string> { "yes", "no" }, "targetWords", required: true)
            .Add("overrideInputShape", new[] { 1, 96, 96, 3 }, "overrideInputShape", required: false)
            .Add("metadata", new JObject { ["a"] = 1 }, "metadata", required: false)
            .Add("parameters", new List<JObject> { new() { ["name"] = "x" } }, "parameters", required: false);

        var (_, parts) = await SendAsync(form);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parts.Where(p => p.Name == "targetWords").Select(p => p.Text), Is.EqualTo(new[] { "yes", "no" }));
            Assert.That(parts.Where(p => p.Name == "overrideInputShape").Select(p => p.Text), Is.EqualTo(new[] { "1", "96", "96", "3" }));
            var metadata = parts.Single(p => p.Name == "metadata");
            Assert.That(metadata.ContentType, Is.EqualTo("application/json"));
            Assert.That(JToken.DeepEquals(JToken.Parse(metadata.Text), new JObject { ["a"] = 1 }), Is.True, metadata.Text);
            var parameters = parts.Single(p => p.Name == "parameters");
            Assert.That(parameters.ContentType, Is.EqualTo("application/json"));
            Assert.That(JToken.Parse(parameters.Text), Is.InstanceOf<JArray>().And.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task ExtensibleEnumAndDate_AreSentAsTheirWireText()
    {
        var form = new MultipartFormBody()
            .Add("category", RawDataCategory.Testing, "category", required: true)
            .Add("created", new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero), "created", required: false);

        var (_, parts) = await SendAsync(form);

        Assert.That(parts.Select(p => p.Text), Is.EqualTo(new[] { "testing", "2026-02-01T12:00:00.0000000+00:00" }));
    }

    [Test]
    public async Task NonAsciiAndQuotedNames_AreUtf8_WithQuotesEscaped()
    {
        var form = new MultipartFormBody().Add("file", FileParameter.FromBytes([1], "façade \"v2\".png", "image/png"), "file", required: true);

        var (_, parts) = await SendAsync(form);

        Assert.That(parts.Single().Disposition, Is.EqualTo("form-data; name=\"file\"; filename=\"façade %22v2%22.png\""));
    }

    [Test]
    public async Task NonSeekableStream_IsStreamedChunked_AndLeftOpen()
    {
        var payload = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        await using var stream = new ForwardOnlyStream(payload);

        var (request, parts) = await SendAsync(new MultipartFormBody().Add("zip", new FileParameter(stream, "audio.zip", "application/zip"), "zip", required: true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Header("Transfer-Encoding"), Is.EqualTo("chunked"), "length unknown: streamed, not buffered to measure it");
            Assert.That(parts.Single().Body, Is.EqualTo(payload));
            Assert.That(stream.Disposed, Is.False, "the caller's stream stays the caller's");
        }
    }

    [Test]
    public async Task SeekableStream_IsSentFromWhereItStood()
    {
        using var stream = new MemoryStream("headerPAYLOAD"u8.ToArray());
        stream.Position = 6;

        var (_, parts) = await SendAsync(new MultipartFormBody().Add("file", new FileParameter(stream, "p.bin"), "file", required: true));

        Assert.That(parts.Single().Text, Is.EqualTo("PAYLOAD"));
    }

    [Test]
    public void RequiredField_Null_IsArgumentNullException_NamingTheParameter()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new MultipartFormBody().Add("files[]", null, "files", required: true));

        Assert.That(ex!.ParamName, Is.EqualTo("files"));
        Assert.That(ex.Message, Does.Contain("'files[]' is required"));
    }

    [Test]
    public void RequiredEnum_Default_IsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => new MultipartFormBody().Add("category", default(RawDataCategory), "category", required: true));
    }

    [Test]
    public void RequiredList_Empty_IsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MultipartFormBody().Add("files[]", Array.Empty<FileParameter>(), "files", required: true));

        Assert.That(ex!.ParamName, Is.EqualTo("files"));
    }

    [Test]
    public void List_WithANullItem_IsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new MultipartFormBody().Add("targetWords", new[] { "a", null }, "targetWords", required: false));
    }

    [Test]
    public void ObjectMissingARequiredField_IsArgumentException()
    {
        // GenerateFeaturesRequest requires dspId.
        var ex = Assert.Throws<ArgumentException>(() => new MultipartFormBody().Add("request", new GenerateFeaturesRequest(), "request", required: true));

        Assert.That(ex!.Message, Does.Contain("DspId"));
    }

    [Test]
    public async Task OptionalEmptyList_SendsNoPart()
    {
        var (_, parts) = await SendAsync(new MultipartFormBody().Add("a", "1", "a", required: true).Add("tags", Array.Empty<string>(), "tags", required: false));

        Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "a" }));
    }

    private static async Task<(RecordedRequest Request, IReadOnlyList<MultipartPart> Parts)> SendAsync(MultipartFormBody form)
    {
        await using var server = LoopbackServer.Start();
        using var connection = server.CreateConnection();
        var request = new RestRequest("api/{projectId}/upload", Method.Post);
        ApiConnection.AddPathSegment(request, "projectId", 1);
        form.AttachTo(request);

        await connection.SendAsync<JObject>(request, Upload, default);

        var recorded = server.SingleRequest;
        Assert.That(recorded.Header("x-api-key"), Is.EqualTo(LoopbackServer.ApiKey));
        return (recorded, MultipartParts.Parse(recorded));
    }
}
