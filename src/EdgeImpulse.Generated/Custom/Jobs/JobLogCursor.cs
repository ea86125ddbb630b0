// CUSTOM: turns getJobsLogs windows (the last N lines plus a totalCount, no cursor) into a sequence of new lines with
// none lost or repeated. Kept apart from the polling so the arithmetic stays in one place.
using System;
using System.Collections.Generic;
using System.Linq;

namespace EdgeImpulse.Generated;

/// <summary>Remembers how much of one job's log was delivered and picks the new lines out of each window.</summary>
/// <remarks>
/// The server's totalCount is the cursor: the last <c>totalCount - delivered</c> lines of a window are new. Before
/// trusting it, the line just before them must be the last line delivered (same time and text) whenever the window
/// reaches back that far. If it is not, or the count went down, the server truncated or rewrote its log (or counts
/// differently), and the count no longer tells old from new: the lines after the last one delivered are taken
/// instead, found by content, else by time.
/// </remarks>
internal sealed class JobLogCursor
{
    private JobLogLine? _last;

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

    /// <summary>Takes the new lines from a chronological window (the log's last lines) and advances past them.</summary>
    public List<JobLogLine> Advance(int totalCount, List<JobLogLine> window)
    {
        var fresh = NewLineCount(totalCount);
        var result = CountIsConsistent(fresh, window) ? TakeByCount(fresh, window) : TakeAfterLast(window);
        Delivered = totalCount;
        _last = result.LastOrDefault(l => !l.IsGapNotice) ?? _last;
        return result;
    }

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

    private bool CountIsConsistent(long fresh, List<JobLogLine> window) =>
        fresh >= 0 && (_last is null || fresh >= window.Count || SameLine(window[window.Count - (int)fresh - 1], _last));

    private List<JobLogLine> TakeByCount(long fresh, List<JobLogLine> window)
    {
        var take = (int)Math.Min(fresh, window.Count);
        var result = new List<JobLogLine>(take + 1);
        if (fresh > take)
        {
            result.Add(GapNotice(fresh - take, take > 0 ? window[^take].Created : _last?.Created ?? DateTimeOffset.UtcNow));
        }

        result.AddRange(window.Skip(window.Count - take));
        return result;
    }

    private List<JobLogLine> TakeAfterLast(List<JobLogLine> window)
    {
        var last = _last!;
        var anchor = window.FindLastIndex(l => SameLine(l, last));
        if (anchor >= 0)
        {
            return window.GetRange(anchor + 1, window.Count - anchor - 1);
        }

        var newer = window.Where(l => l.Created > last.Created).ToList();
        if (newer.Count > 0 && newer.Count == window.Count)
        {
            // The window starts after the last line delivered, so lines in between may have been dropped unread.
            newer.Insert(0, GapNotice(null, newer[0].Created));
        }

        return newer;
    }
}
