using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>
/// JobLogCursor on hand-made windows: the cases where the count cannot be trusted and the lines themselves (equal
/// text and time, repeated blank lines, one millisecond for many lines) must tell old from new.
/// </summary>
[TestFixture]
public sealed class JobLogCursorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 14, 9, 40, 2, TimeSpan.Zero);

    [Test]
    public void CountShrinks_LinesEqualInTextAndTime_TheLongestOverlapDecides()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(2, [Line("A", 1), Line("\n", 1)]);

        var fresh = cursor.Advance(1, [Line("\n", 1), Line("B", 1), Line("\n", 1), Line("C", 2)]);

        Assert.That(Texts(fresh), Is.EqualTo(new[] { "B", "\n", "C" }), "the window starts with the blank line delivered; B and the second blank line are new");
    }

    [Test]
    public void CountShrinks_LastLineOutOfTheWindow_KeepsLinesOfItsMillisecondAfterANotice()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(3, [Line("a", 4), Line("b", 5), Line("c", 5)]);

        var fresh = cursor.Advance(2, [Line("d", 5), Line("e", 5), Line("f", 6)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Texts(fresh), Is.EqualTo(new[] { "notice", "d", "e", "f" }));
            Assert.That(fresh[0].SkippedLineCount, Is.Null, "how many are missing cannot be told");
            Assert.That(fresh[0].Created, Is.EqualTo(T0.AddMilliseconds(5)));
        }
    }

    [Test]
    public void NoOverlap_LinesEqualToOnesDeliveredAtTheLastTime_AreNotRepeated()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(3, [Line("a", 4), Line("b", 5), Line("\n", 5)]);

        var fresh = cursor.Advance(2, [Line("b", 5), Line("x", 5), Line("\n", 6)]);

        Assert.That(Texts(fresh), Is.EqualTo(new[] { "notice", "x", "\n" }));
    }

    [Test]
    public void NoOverlap_OnlyOlderLines_TakesNothingAndAddsNoNotice()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(3, [Line("a", 4), Line("b", 5), Line("c", 6)]);

        var fresh = cursor.Advance(1, [Line("z", 2)]);

        Assert.That(fresh, Is.Empty);
    }

    [Test]
    public void OnlyAGapDelivered_ThenTheCountShrinks_TakesTheWindow()
    {
        var cursor = new JobLogCursor();
        var gap = cursor.Advance(5, []);

        var fresh = cursor.Advance(2, [Line("x", 1), Line("y", 2)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(gap.Single().SkippedLineCount, Is.EqualTo(5));
            Assert.That(Texts(fresh), Is.EqualTo(new[] { "x", "y" }));
            Assert.That(cursor.Delivered, Is.EqualTo(2));
        }
    }

    [Test]
    public void CountThatFitsButLinesThatDoNot_TheOverlapOverrulesTheCount()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(3, [Line("1", 1), Line("2", 2), Line("3", 3)]);

        // The count says one line is new, but the window's first three lines are not the three delivered.
        var fresh = cursor.Advance(4, [Line("2", 2), Line("3", 3), Line("4", 4), Line("5", 5)]);

        Assert.That(Texts(fresh), Is.EqualTo(new[] { "4", "5" }));
    }

    [Test]
    public void CountThatFitsTheLines_IsFollowed_EvenForRepeatedLines()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(2, [Line("\n", 1), Line("\n", 1)]);

        var fresh = cursor.Advance(3, [Line("\n", 1), Line("\n", 1), Line("\n", 1)]);

        Assert.That(Texts(fresh), Is.EqualTo(new[] { "\n" }));
    }

    [Test]
    public void CountBeyondTheWindow_MarksTheExactGapBeforeTheLines()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(1, [Line("1", 1)]);

        var fresh = cursor.Advance(6, [Line("5", 5), Line("6", 6)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Texts(fresh), Is.EqualTo(new[] { "notice", "5", "6" }));
            Assert.That(fresh[0].SkippedLineCount, Is.EqualTo(3));
        }
    }

    [Test]
    public void History_KeepsTheLast1000Lines_SoAFullWindowStillOverlaps()
    {
        var cursor = new JobLogCursor();
        cursor.Advance(1500, Enumerable.Range(501, 1000).Select(i => Line($"{i}", i)).ToList());
        cursor.Advance(1505, Enumerable.Range(506, 1000).Select(i => Line($"{i}", i)).ToList());

        // A count that stopped growing: only the overlap with the history tells the 3 new lines.
        var fresh = cursor.Advance(1505, Enumerable.Range(509, 1000).Select(i => Line($"{i}", i)).ToList());

        Assert.That(Texts(fresh), Is.EqualTo(new[] { "1506", "1507", "1508" }));
    }

    private static JobLogLine Line(string data, int ms) => new() { Created = T0.AddMilliseconds(ms), Data = data, LogLevel = JobLogLevel.Info };

    private static IEnumerable<string> Texts(IEnumerable<JobLogLine> lines) => lines.Select(l => l.IsGapNotice ? "notice" : l.Data ?? string.Empty);
}
