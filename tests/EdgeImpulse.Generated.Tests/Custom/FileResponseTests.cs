using System.Collections.Generic;
using System.IO;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom;

/// <summary><see cref="FileResponse.FileName"/>: the server's Content-Disposition name, reduced to one safe path segment.</summary>
[TestFixture]
public sealed class FileResponseTests
{
    public static readonly TestCaseData[] Dispositions =
    [
        new TestCaseData("attachment; filename=\"ei-continuous-motion-recognition-zip-v3.zip\"", "ei-continuous-motion-recognition-zip-v3.zip").SetArgDisplayNames("quoted"),
        new TestCaseData("attachment; filename=build.zip", "build.zip").SetArgDisplayNames("token"),
        new TestCaseData("attachment; filename=\"plain.zip\"; filename*=UTF-8''caf%C3%A9.zip", "café.zip").SetArgDisplayNames("RFC 5987 name wins"),
        new TestCaseData("attachment; filename=\"../../etc/passwd\"", "passwd").SetArgDisplayNames("relative path: last segment"),
        new TestCaseData("attachment; filename=\"C:\\\\Users\\\\x\\\\evil.zip\"", "evil.zip").SetArgDisplayNames("Windows path: last segment"),
        new TestCaseData("attachment; filename=\"..\"", null).SetArgDisplayNames("dot-dot: none"),
        new TestCaseData("attachment", null).SetArgDisplayNames("no name"),
        new TestCaseData("not a; disposition=", null).SetArgDisplayNames("malformed"),
    ];

    [TestCaseSource(nameof(Dispositions))]
    public void FileName_IsTheDispositionsName_AsOneSafeSegment(string disposition, string? expected)
    {
        using var file = Response(new Dictionary<string, IEnumerable<string>> { ["Content-Disposition"] = [disposition] });

        Assert.That(file.FileName, Is.EqualTo(expected));
    }

    [Test]
    public void FileName_WithoutContentDisposition_IsNull()
    {
        using var file = Response(new Dictionary<string, IEnumerable<string>> { ["Content-Type"] = ["application/zip"] });

        Assert.That(file.FileName, Is.Null);
    }

    private static FileResponse Response(Dictionary<string, IEnumerable<string>> headers) => new(200, headers, new MemoryStream([1, 2, 3]), null, null);
}
