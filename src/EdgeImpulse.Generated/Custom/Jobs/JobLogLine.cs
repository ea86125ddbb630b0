// CUSTOM: marks the notice line JobOperation.StreamLogsAsync inserts where log lines could not be read, so a gap is
// visible in the stream (and, when known, countable) instead of silent.
using Newtonsoft.Json;

namespace EdgeImpulse.Generated;

/// <content>Adds <see cref="IsGapNotice"/> and <see cref="SkippedLineCount"/>.</content>
public partial class JobLogLine
{
    /// <summary>
    /// Gets a value indicating whether this line was not sent by the server but inserted by
    /// <see cref="JobOperation.StreamLogsAsync"/> where lines of the job's log could not be read. Its
    /// <see cref="Data"/> says so, at level warn. Never sent or read as JSON.
    /// </summary>
    [JsonIgnore]
    public bool IsGapNotice { get; internal set; }

    /// <summary>
    /// Gets, on a gap notice, how many lines are missing there: lines written between two polls beyond the last 1000
    /// getJobsLogs returns. Null on every line the server sent, and on a notice for a log the server truncated or
    /// rewrote, where the number cannot be told.
    /// </summary>
    [JsonIgnore]
    public long? SkippedLineCount { get; internal set; }
}
