using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Tests.Infrastructure;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>Input the reader must refuse gets an <see cref="NpyFormatException"/> that names the problem.</summary>
[TestFixture]
public sealed class NpyReaderErrorTests
{
    // Each error fixture (NumPy-written, some then cut or patched) with the words its message must contain.
    private static readonly TestCaseData[] ErrorFixtures =
    [
        Case("error.fortran-order.npy", "'fortran_order' is True", "not supported"),
        Case("error.unicode.npy", "'<U5'", "Unicode strings"),
        Case("error.complex.npy", "'<c8'", "complex"),
        Case("error.object.npy", "'|O'", "Python objects"),
        Case("error.structured.npy", "structured", "[('x', '<f4'), ('y', '<i4')]"),
        Case("error.datetime.npy", "'<M8[D]'", "datetime64"),
        Case("error.truncated-data.npy", "data is truncated", "float32 ('<f4') array of shape (4, 3)", "needs 48 data bytes", "only 5 follow the 128-byte header"),
        Case("error.truncated-header.npy", "header is truncated", "118 bytes", "ended after 20"),
        Case("error.version-4.npy", "Unsupported .npy format version 4.0"),
    ];

    private static TestCaseData Case(string file, params string[] expectedInMessage) =>
        new TestCaseData(file, expectedInMessage).SetArgDisplayNames(file);

    [Test]
    public void EveryErrorFixture_HasACase()
    {
        Assert.That(ErrorFixtures.Select(c => (string)c.Arguments[0]!), Is.EquivalentTo(NpyFixtures.Errors()));
    }

    [TestCaseSource(nameof(ErrorFixtures))]
    public async Task ReadAsync_FromFile_RefusesErrorFixture(string file, string[] expectedInMessage)
    {
        await using var stream = File.OpenRead(TestPaths.Fixture($"Npy/{file}"));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(stream)))!;

        AssertMentionsAll(error, expectedInMessage);
    }

    [TestCaseSource(nameof(ErrorFixtures))]
    public async Task ReadAsync_FromTrickleStream_RefusesErrorFixture(string file, string[] expectedInMessage)
    {
        // Non-seekable: truncation shows only when the data runs out, and must read the same.
        await using var stream = new TrickleStream(File.ReadAllBytes(TestPaths.Fixture($"Npy/{file}")));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(stream)))!;

        AssertMentionsAll(error, expectedInMessage);
    }

    [Test]
    public async Task ReadAsync_JsonErrorBody_SaysItIsNotNumpy()
    {
        await using var stream = File.OpenRead(TestPaths.Fixture("Common/error.success-false.json"));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(stream)))!;

        Assert.That(error.Message, Does.StartWith("Not a NumPy .npy file: it starts with '{\\x0a  \"suc'").And.Contain("JSON or an HTML page"));
    }

    [Test]
    public async Task ReadAsync_HtmlErrorPage_SaysItIsNotNumpy()
    {
        await using var stream = File.OpenRead(TestPaths.Fixture("Common/error.bad-gateway.html"));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(stream)))!;

        Assert.That(error.Message, Does.Contain("starts with '<html>\\x0d\\x0a'").And.Contain("instead of the magic string '\\x93NUMPY'"));
    }

    [TestCase(new byte[] { 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 }, "Not a NumPy .npy file: it starts with 'PK\\x03\\x04\\x14\\x00\\x00\\x00'")]
    [TestCase(new byte[] { 0x93, 0x4e, 0x55, 0x4d }, "header is truncated: the stream ended after 4 bytes")]
    [TestCase(new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76 }, "header is truncated: the stream ended inside the 2-byte header length")]
    [TestCase(new byte[] { 0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x01, 0x76, 0x00 }, "Unsupported .npy format version 1.1")]
    [TestCase(new byte[0], "The stream is empty")]
    public async Task ReadAsync_BadPreamble_SaysWhatIsWrong(byte[] bytes, string expected)
    {
        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new TrickleStream(bytes))))!;

        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public async Task ReadAsync_HugeHeaderLength_IsRefusedBeforeReadingIt()
    {
        var bytes = new byte[12];
        Encoding.Latin1.GetBytes("\x93NUMPY\x02\x00").CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 1_000_000_000);

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(bytes))))!;

        Assert.That(error.Message, Does.Contain("header claims to be 1000000000 bytes long"));
    }

    [Test]
    public async Task ReadAsync_Version3HeaderThatIsNotUtf8_IsMalformed()
    {
        var bytes = NpyBytes.Header("{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }", major: 3);
        bytes[^2] = 0xff;

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(bytes))))!;

        Assert.That(error.Message, Does.Contain("must be UTF-8"));
    }

    [TestCase("descr", TestName = "ReadAsync_AHugeDescr_IsQuotedOnlyInPart")]
    [TestCase("duplicate key", TestName = "ReadAsync_AHugeDuplicateKey_IsQuotedOnlyInPart")]
    [TestCase("unexpected keys", TestName = "ReadAsync_ManyHugeUnexpectedKeys_AreQuotedOnlyInPart")]
    [TestCase("shape", TestName = "ReadAsync_AShapeOfThousandsOfDimensions_IsQuotedOnlyInPart")]
    public async Task ReadAsync_HeaderTextInAMessage_IsBounded(string what)
    {
        var huge = new string('k', 20_000);
        var header = what switch
        {
            "descr" => "{'descr': '<" + huge + "', 'fortran_order': False, 'shape': (3,), }",
            "duplicate key" => "{'" + huge + "': 1, '" + huge + "': 2, 'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
            "unexpected keys" => "{" + string.Concat(Enumerable.Range(0, 6).Select(i => $"'{i}{huge[..5000]}': 1, ")) + "'descr': '<f4', 'fortran_order': False, 'shape': (3,), }",
            _ => "{'descr': '<f4', 'fortran_order': False, 'shape': (" + string.Concat(Enumerable.Repeat("1, ", 10_000)) + "), }",
        };

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(NpyBytes.Header(header, major: 2)))))!;

        Assert.That(error.Message, Has.Length.LessThan(2048));
    }

    [TestCase("{'descr': '<f4', 'shape': (3,), }", "must have exactly the keys 'descr', 'fortran_order' and 'shape', but has no 'fortran_order'")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'order': 'C', }", "but has an unexpected 'order'")]
    [TestCase("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", "the key 'descr' appears twice")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (3), }", "'shape' must be a tuple of integers")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': [3], }", "'shape' must be a tuple of integers")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': ('3',), }", "'shape' must be a tuple of integers")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", "'shape' has a negative dimension (-1)")]
    [TestCase("{'descr': '<f4', 'fortran_order': 0, 'shape': (3,), }", "'fortran_order' must be True or False")]
    [TestCase("{'descr': 4, 'fortran_order': False, 'shape': (3,), }", "'descr' must be a string")]
    [TestCase("{'descr': '<f4' 'fortran_order': False, 'shape': (3,), }", "expected ',' or '}' at character 16, found '''")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), } x", "expected only spaces and a newline after the closing '}'")]
    [TestCase("{'descr': '<f4, 'fortran_order': False, 'shape': (3,), }", "expected ',' or '}'")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (3,)", "expected ',' or '}' at character 118, found the end of the header")]
    [TestCase("{'descr': '<f4', 'fortran_order': None, 'shape': (3,), }", "expected a string, True, False, an integer, a tuple or a list")]
    [TestCase("{'descr': 'a\\tb', 'fortran_order': False, 'shape': (3,), }", "a string without escape sequences")]
    [TestCase("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", "an integer that fits in 64 bits")]
    [TestCase("{descr: '<f4', 'fortran_order': False, 'shape': (3,), }", "expected a string, True, False")]
    [TestCase("['descr', '<f4']", "expected '{' at character 0, found '['")]
    public async Task ReadAsync_MalformedHeader_SaysWhereAndShowsIt(string header, string expected)
    {
        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(NpyBytes.Header(header)))))!;

        Assert.That(error.Message, Does.StartWith("Malformed .npy header: ").And.Contain(expected).And.Contain("The header is " + header.TrimEnd()));
    }

    [TestCase(33)]
    [TestCase(25_000)]
    public async Task ReadAsync_DeeplyNestedHeader_IsMalformedNotAStackOverflow(int depth)
    {
        var header = NpyBytes.Header($"{{'descr': '<f4', 'fortran_order': False, 'shape': {new string('(', depth)}3{new string(')', depth)}, }}");

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(header))))!;

        Assert.That(error.Message, Does.Contain("nested deeper than 32 levels"));
        Assert.That(error.Message.Length, Is.LessThan(600), "the header is quoted bounded");
    }

    [Test]
    public async Task ReadAsync_NestingWithinTheLimit_ParsesAsBefore()
    {
        var header = NpyBytes.Header($"{{'descr': '<f4', 'fortran_order': False, 'shape': ({new string('(', 30)}2{new string(')', 30)},), }}", data: new byte[8]);

        var array = await NpyReader.ReadAsync(new MemoryStream(header));

        Assert.That(array.Shape, Is.EqualTo(new[] { 2 }));
    }

    [TestCase("|f4", "'|' (no byte order) is only valid for one-byte items, and these are 4 bytes")]
    [TestCase("f4", "expected a byte order ('<', '>' or '|')")]
    [TestCase("=f4", "expected a byte order ('<', '>' or '|')")]
    [TestCase("<f16", "only 2-, 4- and 8-byte floats are supported")]
    [TestCase("<i3", "this item size does not exist")]
    [TestCase("|S5", "byte strings")]
    [TestCase("<m8[s]", "timedelta64")]
    [TestCase("|V8", "raw (void) records")]
    [TestCase("<x4", "not a dtype NumPy writes")]
    public async Task ReadAsync_UnsupportedDescr_NamesItAndListsTheSupportedOnes(string descr, string expected)
    {
        var header = NpyBytes.Header($"{{'descr': '{descr}', 'fortran_order': False, 'shape': (1,), }}");

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(header))))!;

        Assert.That(error.Message, Does.StartWith($"Unsupported dtype '{descr}': ").And.Contain(expected));
    }

    [Test]
    public async Task ReadAsync_UnsupportedKind_ListsTheSupportedDtypes()
    {
        await using var stream = File.OpenRead(TestPaths.Fixture("Npy/error.unicode.npy"));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(stream)))!;

        Assert.That(error.Message, Does.EndWith("Supported are bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32 and float64."));
    }

    [Test]
    public async Task ReadAsync_SubarrayDescr_IsUnsupported()
    {
        var header = NpyBytes.Header("{'descr': ('<f4', (2,)), 'fortran_order': False, 'shape': (1,), }");

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(header))))!;

        Assert.That(error.Message, Does.Contain("sub-array dtype"));
    }

    [TestCase("(3000000000,)", "dimension 3000000000 is larger than a .NET array can hold")]
    [TestCase("(100000, 100000, 1000)", "of shape (100000, 100000, 1000) has more elements than a .NET array can hold")]
    public async Task ReadAsync_ShapeTooLargeForDotNet_IsRefusedBeforeAllocating(string shape, string expected)
    {
        var header = NpyBytes.Header($"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}");

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync(new MemoryStream(header))))!;

        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public async Task ReadAsyncOfT_OtherElementType_NamesBothTypes()
    {
        await using var file = File.OpenRead(NpyFixtures.FilePath("int32-labels"));

        var error = (await Assert.ThrowsAsync<NpyFormatException>(() => NpyReader.ReadAsync<float>(file)))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Message, Does.Contain("holds int32 ('<i4') elements (Int32), not Single"));
            Assert.That(file.Position, Is.EqualTo(128), "the data is not read");
        }
    }

    [Test]
    public async Task ReadAsyncOfT_BigEndianFloat_IsStillSingle()
    {
        await using var file = File.OpenRead(NpyFixtures.FilePath("float32-big-endian"));

        var array = await NpyReader.ReadAsync<float>(file);

        Assert.That(array.Span.ToArray(), Is.EqualTo(new[] { 1.5f, -2.25f, 3.0e-3f, 1.0e30f }));
    }

    private static void AssertMentionsAll(NpyFormatException error, string[] expectedInMessage)
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var expected in expectedInMessage)
            {
                Assert.That(error.Message, Does.Contain(expected));
            }
        }
    }
}
