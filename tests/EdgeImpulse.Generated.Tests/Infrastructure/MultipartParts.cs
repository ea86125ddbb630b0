using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeImpulse.Generated.Tests.Infrastructure;

/// <summary>One part of a multipart/form-data body as it arrived: its headers and bytes.</summary>
internal sealed record MultipartPart(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Disposition => Headers.TryGetValue("Content-Disposition", out var value) ? value : string.Empty;

    public string? Name => Parameter("name");

    public string? FileName => Parameter("filename");

    public string? ContentType => Headers.TryGetValue("Content-Type", out var value) ? value : null;

    public string Text => Encoding.UTF8.GetString(Body);

    // The quoted parameter as sent (escapes left as they are: a test compares the wire form).
    private string? Parameter(string name)
    {
        var match = Regex.Match(Disposition, $"(?:^|;)\\s*{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }
}

/// <summary>Splits a recorded multipart/form-data body (RFC 7578) into its parts, strictly: a malformed body fails the test.</summary>
internal static class MultipartParts
{
    public static IReadOnlyList<MultipartPart> Parse(RecordedRequest request)
    {
        var contentType = request.Header("Content-Type") ?? throw new FormatException("No Content-Type.");
        var match = Regex.Match(contentType, "^multipart/form-data;\\s*boundary=\"?([^\";]+)\"?$");
        if (!match.Success)
        {
            throw new FormatException($"Not a multipart/form-data content type: {contentType}");
        }

        var body = request.BodyBytes;
        var delimiter = Encoding.ASCII.GetBytes("--" + match.Groups[1].Value);
        var parts = new List<MultipartPart>();
        var position = IndexOf(body, delimiter, 0);
        if (position != 0)
        {
            throw new FormatException("The body does not start with the boundary.");
        }

        while (true)
        {
            position += delimiter.Length;
            if (body.AsSpan(position).StartsWith("--"u8))
            {
                return parts;
            }

            position += 2; // CRLF after the delimiter
            var headerEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), position);
            var headers = Encoding.UTF8.GetString(body, position, headerEnd - position)
                .Split("\r\n")
                .Select(line => line.Split(':', 2))
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var start = headerEnd + 4;
            var next = IndexOf(body, [.. "\r\n"u8, .. delimiter], start);
            if (next < 0)
            {
                throw new FormatException("A part has no closing boundary.");
            }

            parts.Add(new MultipartPart(headers, body[start..next]));
            position = next + 2;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var found = haystack.AsSpan(from).IndexOf(needle);
        return found < 0 ? -1 : found + from;
    }
}
