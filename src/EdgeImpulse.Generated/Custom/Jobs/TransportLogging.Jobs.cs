// CUSTOM: the job poller's log line (Transport/TransportLogging.cs). Kept out of the transport, which is the shared
// runtime every client compiles.
using Microsoft.Extensions.Logging;

namespace EdgeImpulse.Generated;

/// <content>Job state changes.</content>
internal sealed partial class TransportLogging
{
    /// <summary>Records a job's state change seen by a status poll.</summary>
    public void JobStateChanged(int projectId, long jobId, JobProgressState state)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            LogJobState(_logger, jobId, projectId, state);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Job {JobId} in project {ProjectId} is now {State}")]
    private static partial void LogJobState(ILogger logger, long jobId, int projectId, JobProgressState state);
}
