// CUSTOM: turns getJobsLogs windows (the last N lines plus a totalCount, no cursor) into a sequence of new lines with
// none lost or repeated. Kept apart from the polling so the arithmetic stays in one place.
using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeImpulse.Generated;

/// <summary>Remembers how much of one job's log was delivered and picks the new lines out of each window.</summary>
/// <remarks>
/// <para>
/// A window is the log's last lines, so if it reaches back to lines already delivered, it starts with them: its new
/// lines are the ones after the longest start of the window that equals the end of what was delivered (the
/// <em>overlap</em>; lines are equal when time and text are). The cursor keeps the last 1000 lines it delivered (the
/// widest window) to find it.
/// </para>
/// <para>
/// The server's totalCount says how many lines are new: the last <c>totalCount - delivered</c> of the window, with a
/// counted gap notice if the window holds fewer. It is trusted when the lines before those are the overlap. If they
/// are not (the count went down, or does not match the lines: the server truncated or rewrote its log, or counts
/// differently), the overlap alone decides. If there is none either, the window does not reach back to the lines
/// delivered: a gap notice of unknown size comes first, then the lines not older than the last one delivered, except
/// those equal to a line already delivered at that same time.
/// </para>
/// </remarks>
internal sealed class JobLogCursor
{
    private const int HistoryLength = JobWaitOptions.MaxLogLinesPerRequest;

    // The last lines delivered (gap notices excluded), oldest first.
    private readonly List<JobLogLine> _history = [];

    /// <summary>Gets the server's totalCount after the last window.</summary>
    public long Delivered { get; private set; }

    /// <summary>
    /// Puts a getJobsLogs window in chronological order. The Studio sends the newest line first (its docs: "the logs
    /// are printed with the most recent events first"; the Python SDK reverses them to print); recorded fixtures and
    /// simulators may not. The line timestamps decide; only when the first and last are equal (one line, or one
    /// millisecond) is the documented newest-first order assumed.
    /// </summary>
    public static List<JobLogLine> Chronological(IList<JobLogLine>? window)
    {
        var lines = window?.Where(l => l is not null).ToList() ?? [];
        if (lines.Count > 1 && lines[0].Created >= lines[^1].Created)
        {
            lines.Reverse();
        }

        return lines;
    }

    /// <summary>How many lines a window with <paramref name="totalCount"/> holds beyond those delivered (negative if the log shrank).</summary>
    public long NewLineCount(int totalCount) => totalCount - Delivered;

    /// <summary>
    /// Tells whether a chronological window reaches back to the lines delivered (or, by the count, exactly to them), so
    /// that <see cref="Advance"/> would take its new lines without a gap; a wider window may help when it does not.
    /// </summary>
    public bool ReachesBack(int totalCount, List<JobLogLine> window) => Plan(totalCount, window).ReachesBack;

    /// <summary>Takes the new lines from a chronological window (the log's last lines) and advances past them.</summary>
    public List<JobLogLine> Advance(int totalCount, List<JobLogLine> window)
    {
        var plan = Plan(totalCount, window);
        var fresh = window.Skip(plan.Start).ToList();
        if (plan.Unanchored)
        {
            fresh = NotOlderThanDelivered(fresh);
        }

        var result = new List<JobLogLine>(fresh.Count + 1);
        if (plan.Skipped > 0)
        {
            result.Add(GapNotice(plan.Skipped, (fresh.Count > 0 ? fresh[0].Created : null) ?? LastDelivered?.Created ?? DateTimeOffset.UtcNow));
        }
        else if (plan.Unanchored && fresh.Count > 0)
        {
            result.Add(GapNotice(null, fresh[0].Created ?? LastDelivered?.Created ?? DateTimeOffset.UtcNow));
        }

        result.AddRange(fresh);
        _history.AddRange(fresh);
        if (_history.Count > HistoryLength)
        {
            _history.RemoveRange(0, _history.Count - HistoryLength);
        }

        Delivered = totalCount;
        return result;
    }

    private JobLogLine? LastDelivered => _history.Count > 0 ? _history[^1] : null;

    private static JobLogLine GapNotice(long? skipped, DateTimeOffset created) => new()
    {
        Created = created,
        LogLevel = JobLogLevel.Warn,
        Data = skipped is { } count
            ? $"[{count} log line(s) could not be read: more lines were written between two polls than getJobsLogs returns]\n"
            : "[log lines may be missing here: the server truncated or rewrote the job's log between two polls]\n",
        IsGapNotice = true,
        SkippedLineCount = skipped,
    };

    private static bool SameLine(JobLogLine a, JobLogLine b) => a.Created == b.Created && string.Equals(a.Data, b.Data, StringComparison.Ordinal);

    // Where the window's new lines start, and what comes before them.
    private Split Plan(int totalCount, List<JobLogLine> window)
    {
        var fresh = NewLineCount(totalCount);
        if (fresh >= window.Count)
        {
            // By the count every line is new; lines beyond the window were written but cannot be read.
            return new Split(0, fresh - window.Count, ReachesBack: fresh == window.Count, Unanchored: false);
        }

        var old = window.Count - (int)Math.Max(fresh, 0);
        if (fresh >= 0 && IsOverlap(window, old))
        {
            return new Split(old, 0, ReachesBack: true, Unanchored: false);
        }

        // The count does not fit the lines: the longest overlap decides.
        for (var p = Math.Min(window.Count, _history.Count); p > 0; p--)
        {
            if (IsOverlap(window, p))
            {
                return new Split(p, 0, ReachesBack: true, Unanchored: false);
            }
        }

        // No overlap. With nothing delivered yet every line is new; otherwise lines may be missing in between.
        return new Split(0, 0, ReachesBack: false, Unanchored: _history.Count > 0);
    }

    // Whether the window's first `length` lines are the last `length` lines delivered.
    private bool IsOverlap(List<JobLogLine> window, int length)
    {
        if (length > _history.Count)
        {
            return false;
        }

        var offset = _history.Count - length;
        for (var i = 0; i < length; i++)
        {
            if (!SameLine(window[i], _history[offset + i]))
            {
                return false;
            }
        }

        return true;
    }

    // Without an overlap, time is all there is: lines older than the last one delivered were delivered (or are out of
    // reach), and at its very time each line equal to one delivered then is taken for that one.
    private List<JobLogLine> NotOlderThanDelivered(List<JobLogLine> lines)
    {
        var last = LastDelivered!.Created;
        var deliveredThen = _history.Where(l => l.Created == last).ToList();
        var result = new List<JobLogLine>(lines.Count);

        // A line without a timestamp (the Studio omitted it) cannot be placed in time: it is kept, not dropped.
        foreach (var line in lines.Where(l => last is null || l.Created is null || l.Created >= last))
        {
            var seen = line.Created == last ? deliveredThen.FindIndex(d => SameLine(d, line)) : -1;
            if (seen >= 0)
            {
                deliveredThen.RemoveAt(seen);
            }
            else
            {
                result.Add(line);
            }
        }

        return result;
    }

    private readonly record struct Split(int Start, long Skipped, bool ReachesBack, bool Unanchored);
}
