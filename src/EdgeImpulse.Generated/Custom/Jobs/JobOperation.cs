// CUSTOM: a started Studio job as one object (Azure SDK Operation<T> style): poll it to completion with backoff,
// a timeout, tolerance of transient failures and progress; cancel it; stream its log live. Built over IJobsClient
// so it can be driven by a mock; unsealed with virtual members and a protected constructor, so it can be one.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated;

/// <summary>
/// A job running in the Studio (training, feature generation, autotuning, profiling): wait for it, cancel it, or
/// read its log while it runs. Get one from a start method such as <see cref="JobsClient.StartTrainKerasAsync"/>,
/// or attach to a known job id with <see cref="JobsClient.AttachToJob"/>.
/// </summary>
/// <remarks>
/// Streaming the log while another task waits for completion is supported; each call polls on its own. Every public
/// member is virtual, so a test can substitute the whole operation (a mocking library, or a subclass using the
/// protected constructor) instead of scripting the job's status answers.
/// </remarks>
public partial class JobOperation
{
    // cancelJob after a timeout or cancellation runs on a fresh token (the caller's is already cancelled), bounded by this.
    private static readonly TimeSpan CancelRequestTimeout = TimeSpan.FromSeconds(10);

    // Null only for a test double made with the protected constructor.
    private readonly IJobsClient? _jobs;
    private readonly Redactor? _redact;
    private readonly TransportLogging? _logging;
    private volatile Job? _lastStatus;

    /// <summary>Initializes a new instance of the <see cref="JobOperation"/> class for a job that was already started.</summary>
    /// <remarks>
    /// A failed job's <see cref="EdgeImpulseJobFailedException"/> message quotes a log line. Through a
    /// <see cref="JobsClient"/> (what <see cref="EdgeImpulseClient.Jobs"/> and dependency injection give) the client's
    /// API key or JWT is masked in it; through another <see cref="IJobsClient"/> implementation it is quoted as is.
    /// </remarks>
    /// <param name="jobs">The jobs client to poll through.</param>
    /// <param name="projectId">The project the job belongs to.</param>
    /// <param name="jobId">The job's id (from <see cref="StartJobResponse.Id"/>).</param>
    public JobOperation(IJobsClient jobs, int projectId, long jobId)
        : this(jobs, projectId, jobId, (jobs as JobsClient)?.Redactor)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JobOperation"/> class for a test double that overrides the members it uses.</summary>
    /// <remarks>It polls through no jobs client: a member that is not overridden throws <see cref="InvalidOperationException"/>.</remarks>
    protected JobOperation()
    {
    }

    internal JobOperation(IJobsClient jobs, int projectId, long jobId, Redactor? redact)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(projectId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(jobId);
        _jobs = jobs;
        _redact = redact;
        _logging = (jobs as JobsClient)?.Logging;
        ProjectId = projectId;
        JobId = jobId;
    }

    /// <summary>Gets the project the job belongs to.</summary>
    public virtual int ProjectId { get; }

    /// <summary>Gets the job's id.</summary>
    public virtual long JobId { get; }

    /// <summary>Gets the job as the latest status poll returned it, or null before the first poll.</summary>
    public virtual Job? LastStatus => _lastStatus;

    /// <summary>Gets a value indicating whether the latest status poll saw the job finished (successfully or not).</summary>
    public virtual bool HasCompleted => _lastStatus?.Finished is not null;

    /// <summary>Polls the job's status once (getJobStatus) and remembers it in <see cref="LastStatus"/>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The job as the server reports it now.</returns>
    /// <exception cref="EdgeImpulseApiException">The call failed.</exception>
    public virtual async Task<Job> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        var response = await Jobs.GetJobStatusAsync(ProjectId, JobId, cancellationToken).ConfigureAwait(false);
        var job = response.Job ?? throw new EdgeImpulseApiException($"getJobStatus returned no job for job {JobId}.", "getJobStatus", 200, null, null, null);
        if (job.Id is null)
        {
            // The job's id is what a failure reports (EdgeImpulseJobFailedException.JobId); a status without it is broken.
            throw new EdgeImpulseApiException($"getJobStatus returned a job without an id for job {JobId}.", "getJobStatus", 200, null, null, null);
        }

        _lastStatus = job;
        return job;
    }

    /// <summary>Waits, with the default <see cref="JobWaitOptions"/>, until the job finishes.</summary>
    /// <param name="cancellationToken">Stops waiting (the job keeps running unless <see cref="JobWaitOptions.CancelJobOnAbort"/> is set).</param>
    /// <returns>The finished job.</returns>
    /// <exception cref="EdgeImpulseJobFailedException">The job finished without success.</exception>
    /// <exception cref="EdgeImpulseApiException">Polling failed for a non-transient reason, or kept failing longer than tolerated.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public virtual Task<Job> WaitForCompletionAsync(CancellationToken cancellationToken = default) => WaitForCompletionAsync(null, cancellationToken);

    /// <summary>Waits until the job finishes, polling its status as <paramref name="options"/> say.</summary>
    /// <param name="options">Polling settings; null for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting (the job keeps running unless <see cref="JobWaitOptions.CancelJobOnAbort"/> is set).</param>
    /// <returns>The finished job (<see cref="Job.FinishedSuccessful"/> is true).</returns>
    /// <exception cref="EdgeImpulseJobFailedException">
    /// The job finished without success; carries the job and its last log lines (read like a status poll; none if
    /// they could not be read within the tolerance, or the wait was stopped meanwhile: the job's outcome comes first).
    /// </exception>
    /// <exception cref="EdgeImpulseJobTimeoutException"><see cref="JobWaitOptions.Timeout"/> ran out.</exception>
    /// <exception cref="EdgeImpulseApiException">Polling failed for a non-transient reason (e.g. an unknown job), or kept failing longer than <see cref="JobWaitOptions.TransientFailureTolerance"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public virtual async Task<Job> WaitForCompletionAsync(JobWaitOptions? options, CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new JobWaitOptions()).Validated();
        cancellationToken.ThrowIfCancellationRequested();
        var job = _lastStatus;
        using var run = new PollRun(this, settings, cancellationToken);
        if (job?.Finished is null)
        {
            try
            {
                job = await run.PollStatusAsync().ConfigureAwait(false);
                while (job.Finished is null)
                {
                    await run.DelayAsync().ConfigureAwait(false);
                    job = await run.PollStatusAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (run.WasAborted)
            {
                throw await run.AbortAsync().ConfigureAwait(false);
            }
        }

        if (job.FinishedSuccessful == true)
        {
            return job;
        }

        var lines = await TryGetFailureLogAsync(run, settings.FailureLogLineCount).ConfigureAwait(false);
        throw new EdgeImpulseJobFailedException(ProjectId, job, lines, _redact);
    }

    /// <summary>Asks the server to cancel the job (cancelJob).</summary>
    /// <param name="force">True to mark the job finished at once instead of waiting for the cluster to stop it (<c>forceCancel=true</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the server accepted the request.</returns>
    /// <exception cref="EdgeImpulseApiException">The call failed.</exception>
    public virtual Task CancelAsync(bool force = false, CancellationToken cancellationToken = default) =>
        Jobs.CancelJobAsync(ProjectId, JobId, force ? true : null, cancellationToken);

    /// <summary>Reads the job's last log lines (getJobsLogs), oldest first, whatever order the server sends them in.</summary>
    /// <param name="count">How many lines, 1 to 1000 (the server keeps no more).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>At most <paramref name="count"/> lines, oldest first.</returns>
    /// <exception cref="EdgeImpulseApiException">The call failed.</exception>
    public virtual async Task<IReadOnlyList<JobLogLine>> GetLastLogLinesAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, JobWaitOptions.MaxLogLinesPerRequest);
        var response = await Jobs.GetJobsLogsAsync(ProjectId, JobId, count, null, cancellationToken).ConfigureAwait(false);
        return LastLines(response, count);
    }

    /// <summary>
    /// Streams the job's log as it grows, oldest line first, each line once, until the job has finished and its last
    /// lines were read.
    /// </summary>
    /// <remarks>
    /// getJobsLogs has no cursor: it returns the last lines and a total count. Each poll takes exactly the lines the
    /// count says are new from the end of the window, asking again with a 1000-line window when
    /// <see cref="JobWaitOptions.LogLinesPerPoll"/> was too small. If even 1000 lines do not reach back to the last line
    /// delivered, a notice line (<see cref="JobLogLine.IsGapNotice"/>, with <see cref="JobLogLine.SkippedLineCount"/>)
    /// marks the gap. If the count stops matching the lines (the server truncated or rewrote the log), the lines after
    /// the last one delivered are found by content and time instead, with a notice if some may be missing. Lines are not filtered
    /// by level on the server, because how the total count relates to a level filter is undocumented; filter them here.
    /// The stream ends normally when the job finishes, successfully or not; call <see cref="WaitForCompletionAsync(CancellationToken)"/>
    /// afterwards for the outcome (it returns at once, as the final status is known).
    /// </remarks>
    /// <param name="options">Polling settings (interval, timeout, transient failures, window size); null for the defaults.</param>
    /// <param name="cancellationToken">Stops streaming (the job keeps running unless <see cref="JobWaitOptions.CancelJobOnAbort"/> is set).</param>
    /// <returns>The log lines.</returns>
    /// <exception cref="EdgeImpulseJobTimeoutException"><see cref="JobWaitOptions.Timeout"/> ran out.</exception>
    /// <exception cref="EdgeImpulseApiException">Polling failed for a non-transient reason, or kept failing longer than tolerated.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public virtual async IAsyncEnumerable<JobLogLine> StreamLogsAsync(JobWaitOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = (options ?? new JobWaitOptions()).Validated();
        cancellationToken.ThrowIfCancellationRequested();
        using var run = new PollRun(this, settings, cancellationToken);
        var cursor = new JobLogCursor();
        while (true)
        {
            bool finished;
            List<JobLogLine> fresh;
            try
            {
                // Status first: once it says finished, the log read after it holds every line the job wrote.
                finished = (await run.PollStatusAsync().ConfigureAwait(false)).Finished is not null;
                fresh = await ReadNewLogLinesAsync(run, cursor, settings.LogLinesPerPoll).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.WasAborted)
            {
                throw await run.AbortAsync().ConfigureAwait(false);
            }

            foreach (var line in fresh)
            {
                yield return line;
            }

            if (finished)
            {
                yield break;
            }

            try
            {
                await run.DelayAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (run.WasAborted)
            {
                throw await run.AbortAsync().ConfigureAwait(false);
            }
        }
    }

    private IJobsClient Jobs => _jobs ?? throw new InvalidOperationException(
        $"This {GetType().Name} was made with the protected constructor (for a test double) and has no jobs client; override the member the test calls.");

    /// <summary>The operation for a job a start call returned; a success without a job id is a server error, not a bad argument.</summary>
    internal static JobOperation ForStarted(IJobsClient jobs, int projectId, StartJobResponse started, string operationId) =>
        started is { Id: { } id } && id > 0
            ? jobs.AttachToJob(projectId, id)
            : throw new EdgeImpulseApiException($"{operationId} returned no job id.", operationId, 200, null, null, null);

    /// <inheritdoc />
    public override string ToString() =>
        $"Job {JobId} in project {ProjectId}: {(_lastStatus is { } job ? JobProgress.StateOf(job).ToString() : "not polled yet")}";

    private async Task<List<JobLogLine>> ReadNewLogLinesAsync(PollRun run, JobLogCursor cursor, int limit)
    {
        var response = await run.CallAsync(t => Jobs.GetJobsLogsAsync(ProjectId, JobId, limit, null, t)).ConfigureAwait(false);
        var window = JobLogCursor.Chronological(response.Stdout);
        if (window.Count >= limit && limit < JobWaitOptions.MaxLogLinesPerRequest && !cursor.ReachesBack(TotalCountOf(response, window), window))
        {
            // The window was full and does not reach back to the lines delivered (by the count, or by content when
            // the count is off): a wider one may reach them, where this one would leave a gap.
            response = await run.CallAsync(t => Jobs.GetJobsLogsAsync(ProjectId, JobId, JobWaitOptions.MaxLogLinesPerRequest, null, t)).ConfigureAwait(false);
            window = JobLogCursor.Chronological(response.Stdout);
        }

        return cursor.Advance(TotalCountOf(response, window), window);
    }

    // Without a totalCount, the lines in the window are all that is known to exist; the cursor then finds the new
    // ones by their overlap with the lines delivered.
    private static int TotalCountOf(LogStdoutResponse response, List<JobLogLine> window) => response.TotalCount ?? window.Count;

    // The log explains the failure, so it is read like a status poll (transient failures retried within the run's
    // tolerance, timeout and token); failing to read it, or being stopped, must not replace the job failure.
    private async Task<IReadOnlyList<JobLogLine>> TryGetFailureLogAsync(PollRun run, int count)
    {
        if (count == 0)
        {
            return [];
        }

        try
        {
            var response = await run.CallAsync(t => Jobs.GetJobsLogsAsync(ProjectId, JobId, count, null, t)).ConfigureAwait(false);
            return LastLines(response, count);
        }
        catch (EdgeImpulseApiException)
        {
            return [];
        }
        catch (OperationCanceledException) when (run.WasAborted)
        {
            return [];
        }
    }

    private static List<JobLogLine> LastLines(LogStdoutResponse response, int count)
    {
        var lines = JobLogCursor.Chronological(response.Stdout);
        return lines.Count <= count ? lines : lines.GetRange(lines.Count - count, count);
    }
}
