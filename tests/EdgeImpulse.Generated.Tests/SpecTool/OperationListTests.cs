using System.Collections.Generic;
using EdgeImpulse.Generated.SpecTool;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.SpecTool;

[TestFixture]
public sealed class OperationListTests
{
    [Test]
    public void Parse_ReadsOneIdPerLine_SkippingCommentsAndBlankLines()
    {
        var errors = new List<string>();

        var ids = OperationList.Parse("# heading\ngetKeras\n\n  setKeras   # trailing comment\r\n# another\ngetJobStatus\n", "ops.txt", errors);

        Assert.That(errors, Is.Empty);
        Assert.That(ids, Is.EqualTo(new[] { "getKeras", "setKeras", "getJobStatus" }));
    }

    [Test]
    public void Parse_ReportsEveryRepeatedOrMalformedLine_WithItsLineNumber()
    {
        var errors = new List<string>();

        OperationList.Parse("getKeras\nget keras\ngetKeras\n", "ops.txt", errors);

        Assert.That(errors, Is.EqualTo(new[]
        {
            "ops.txt:2: 'get keras' is not an operationId (one per line, '#' for comments).",
            "ops.txt:3: 'getKeras' is listed twice.",
        }));
    }

    [Test]
    public void Parse_OfAListWithoutOperations_IsAnError()
    {
        var errors = new List<string>();

        OperationList.Parse("# nothing yet\n", "ops.txt", errors);

        Assert.That(errors, Is.EqualTo(new[] { "ops.txt: lists no operations." }));
    }
}
