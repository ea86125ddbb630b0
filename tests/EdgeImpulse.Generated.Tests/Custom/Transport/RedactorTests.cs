using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Transport;

/// <summary>A secret is masked in every encoding a server or proxy might echo it in, and never survives a cut.</summary>
[TestFixture]
public sealed class RedactorTests
{
    private const string ApiKey = "ei_0123456789abcdef_TEST key/+=";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl-_";

    public static IEnumerable<TestCaseData> Encodings()
    {
        foreach (var (name, secret) in new[] { ("ApiKey", ApiKey), ("Jwt", Jwt) })
        {
            yield return new TestCaseData(secret, secret).SetName($"{name}_Exact");
            yield return new TestCaseData(secret, secret.ToUpperInvariant()).SetName($"{name}_UpperCase");
            yield return new TestCaseData(secret, secret.ToLowerInvariant()).SetName($"{name}_LowerCase");
            yield return new TestCaseData(secret, Uri.EscapeDataString(secret)).SetName($"{name}_PercentEncodedUpperHex");
            yield return new TestCaseData(secret, LowerHex(Uri.EscapeDataString(secret))).SetName($"{name}_PercentEncodedLowerHex");
            yield return new TestCaseData(secret, WebUtility.UrlEncode(secret)).SetName($"{name}_FormEncodedPlusForSpace");
            yield return new TestCaseData(secret, Uri.EscapeDataString(Uri.EscapeDataString(secret))).SetName($"{name}_DoubleEncoded");
            yield return new TestCaseData(secret, string.Concat(secret.Select(c => $"%{(int)c:x2}"))).SetName($"{name}_EveryCharacterEncoded");
            yield return new TestCaseData(secret, string.Concat(secret.Select(c => $"\\u{(int)c:X4}"))).SetName($"{name}_JsonUnicodeEscapes");
            yield return new TestCaseData(secret, Newtonsoft.Json.JsonConvert.ToString(secret).Trim('"')).SetName($"{name}_JsonString");
        }
    }

    [TestCaseSource(nameof(Encodings))]
    public void EncodedSecret_InsideText_IsMasked(string secret, string encoded)
    {
        var redactor = new Redactor([secret]);

        var result = redactor.Redact($"header echo: x-api-key={encoded}; again \"{encoded}\" end");

        Assert.That(result, Is.EqualTo("header echo: x-api-key=***; again \"***\" end"));
        Assert.That(redactor.Contains(encoded), Is.True);
    }

    [Test]
    public void TextWithoutSecret_IsUnchanged()
    {
        var redactor = new Redactor([ApiKey, null, string.Empty]);

        Assert.That(redactor.Redact("ei_0123 is a prefix, not the key"), Is.EqualTo("ei_0123 is a prefix, not the key"));
        Assert.That(Redactor.None.Redact(ApiKey), Is.EqualTo(ApiKey));
    }

    [TestCaseSource(nameof(CutPositions))]
    public void Excerpt_NeverKeepsPartOfASecret_WhereverTheCutFalls(int cutAt)
    {
        var redactor = new Redactor([ApiKey]);
        var text = new string('x', 20) + ApiKey + new string('y', 20);

        var excerpt = redactor.Excerpt(text, cutAt);

        Assert.That(excerpt, Does.Not.Contain("ei_0"));
        Assert.That(excerpt.Length, Is.LessThanOrEqualTo(cutAt + 1));
    }

    public static IEnumerable<int> CutPositions() => Enumerable.Range(18, ApiKey.Length + 6);

    [Test]
    public void Excerpt_OfTextAlreadyCutInsideASecret_MasksTheTail()
    {
        var redactor = new Redactor([ApiKey]);

        Assert.That(redactor.Excerpt("body: " + ApiKey[..10], 512), Is.EqualTo("body: ***"));
    }

    [Test]
    public void Scrub_ReplacesAnExceptionWhoseTextHoldsASecret_KeepingTypeAndCause()
    {
        var redactor = new Redactor([ApiKey]);
        var cause = new FormatException($"bad value {ApiKey.ToUpperInvariant()}");
        var outer = new InvalidOperationException("wrapper", cause);

        var scrubbed = redactor.Scrub(outer)!;

        Assert.That(scrubbed.ToString(), Does.Not.Contain("ei_0").IgnoreCase);
        Assert.That(scrubbed.Message, Does.Contain(nameof(InvalidOperationException)).And.Contain("wrapper"));
        Assert.That(scrubbed.InnerException!.Message, Does.Contain(nameof(FormatException)).And.Contain("bad value ***"));
        Assert.That(redactor.Scrub(cause = new FormatException("harmless")), Is.SameAs(cause));
    }

    [Test]
    public async Task SecretEchoedInAnErrorBody_InAnyEncoding_IsMaskedOnEveryExceptionSurface()
    {
        await using var server = LoopbackServer.Start();
        var key = ApiKey.Replace(" ", "_", StringComparison.Ordinal).Replace("/", "_", StringComparison.Ordinal).Replace("+", "_", StringComparison.Ordinal).Replace("=", "_", StringComparison.Ordinal);
        var echoes = new[] { key, key.ToUpperInvariant(), Uri.EscapeDataString(key), WebUtility.UrlEncode(key) };

        // The secret sits across the 512-character excerpt boundary, and again in the error text.
        var padding = new string('p', 500);
        var body = $"{{\"success\":false,\"error\":\"denied {echoes[1]} {echoes[2]} {echoes[3]}\",\"pad\":\"{padding}{key}\"}}";
        server.Enqueue(CannedResponse.Json(body, status: 401));
        using var client = server.CreateClient(o => o.ApiKey = key + "\n");

        var ex = await Assert.ThrowsAsync<EdgeImpulseApiException>(() => client.Learn.GetKerasAsync(1, 2));

        var surfaces = new[] { ex!.Message, ex.ToString(), ex.ErrorText ?? string.Empty, ex.BodyExcerpt ?? string.Empty, client.Options.ToString() };
        foreach (var surface in surfaces)
        {
            Assert.That(surface, Does.Not.Contain("0123456789").IgnoreCase.And.Not.Contain("ei_0").IgnoreCase);
        }

        Assert.That(server.SingleRequest.Header("x-api-key"), Is.EqualTo(key), "the key is sent trimmed");
    }

    private static string LowerHex(string encoded)
    {
        var result = new StringBuilder(encoded);
        for (var i = 0; i < result.Length - 2; i++)
        {
            if (result[i] == '%')
            {
                result[i + 1] = char.ToLowerInvariant(result[i + 1]);
                result[i + 2] = char.ToLowerInvariant(result[i + 2]);
            }
        }

        return result.ToString();
    }
}
