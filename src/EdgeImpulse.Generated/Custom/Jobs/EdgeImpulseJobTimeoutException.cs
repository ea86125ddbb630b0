// CUSTOM: the typed end of a job wait that ran past JobWaitOptions.Timeout; says which job, how long, and whether
// the job was cancelled on the server (a failed cancelJob is kept here rather than hiding the timeout).
using System;

namespace EdgeImpulse.Generated;

/// <summary>A job did not finish within <see cref="JobWaitOptions.Timeout"/>.</summary>
/// <remarks>
/// Part of the <see cref="EdgeImpulseException"/> family (it is not a <see cref="TimeoutException"/>: the caller's
/// own time limit, not a transport timeout, ran out).
/// </remarks>
public class EdgeImpulseJobTimeoutException : EdgeImpulseException
{
    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseJobTimeoutException"/> class.</summary>
    /// <param name="projectId">The project the job belongs to.</param>
    /// <param name="jobId">The job's id.</param>
    /// <param name="timeout">The timeout that ran out.</param>
    /// <param name="lastStatus">The job as last polled, or null if no poll succeeded.</param>
    /// <param name="cancelledOnServer">Whether cancelJob was sent and accepted.</param>
    /// <param name="cancelJobFailure">Why cancelJob failed, when it was asked for and did not succeed.</param>
    public EdgeImpulseJobTimeoutException(int projectId, long jobId, TimeSpan timeout, Job? lastStatus = null, bool cancelledOnServer = false, Exception? cancelJobFailure = null)
        : base(Describe(projectId, jobId, timeout, lastStatus, cancelledOnServer, cancelJobFailure), cancelJobFailure)
    {
        ProjectId = projectId;
        JobId = jobId;
        Timeout = timeout;
        LastStatus = lastStatus;
        CancelledOnServer = cancelledOnServer;
        CancelJobFailure = cancelJobFailure;
    }

    /// <summary>Gets the project the job belongs to.</summary>
    public int ProjectId { get; }

    /// <summary>Gets the job's id.</summary>
    public long JobId { get; }

    /// <summary>Gets the timeout that ran out.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets the job as last polled, or null if no poll succeeded.</summary>
    public Job? LastStatus { get; }

    /// <summary>Gets a value indicating whether cancelJob was sent and accepted (only with <see cref="JobWaitOptions.CancelJobOnAbort"/>).</summary>
    public bool CancelledOnServer { get; }

    /// <summary>Gets why cancelJob failed, when it was asked for and did not succeed.</summary>
    public Exception? CancelJobFailure { get; }

    private static string Describe(int projectId, long jobId, TimeSpan timeout, Job? lastStatus, bool cancelledOnServer, Exception? cancelJobFailure)
    {
        var state = lastStatus is null ? "no status was received" : $"last state {JobProgress.StateOf(lastStatus)}";
        var server = cancelledOnServer ? "it was cancelled on the server."
            : cancelJobFailure is not null ? $"cancelling it on the server failed: {cancelJobFailure.Message}"
            : "it may still be running on the server.";
        return $"Job {jobId} in project {projectId} did not finish within {timeout} ({state}); {server}";
    }
}
