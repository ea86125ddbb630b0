// CUSTOM: how JobOperation polls a job (interval and backoff, overall timeout, tolerance of transient failures,
// progress, cancelling the job on abort). One options type for waiting and for streaming logs, so both behave alike.
using System;

namespace EdgeImpulse.Generated;

/// <summary>Settings for <see cref="JobOperation.WaitForCompletionAsync(JobWaitOptions, System.Threading.CancellationToken)"/> and <see cref="JobOperation.StreamLogsAsync"/>.</summary>
/// <remarks>
/// Polling starts fast (short jobs such as profiling finish in seconds) and backs off to the Studio's own 5 s
/// cadence: <see cref="InitialPollInterval"/>, times <see cref="BackoffFactor"/> after every poll, at most
/// <see cref="MaxPollInterval"/>. The instance is copied when a wait starts, so later changes do not affect it.
/// </remarks>
public sealed class JobWaitOptions
{
    /// <summary>The most log lines getJobsLogs returns in one response ("only the last 1000 lines are returned").</summary>
    public const int MaxLogLinesPerRequest = 1000;

    // The longest wait a timer accepts (uint.MaxValue - 1 milliseconds, about 49.7 days).
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>Gets or sets the wait before the second status poll (the first is sent at once); must be positive. Default 1 s.</summary>
    public TimeSpan InitialPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the factor the interval grows by after each poll; 1 polls at a fixed interval. Default 1.5.</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>Gets or sets the longest interval between polls. Default 5 s, the Studio's own polling interval.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long the whole wait may take before it fails with <see cref="EdgeImpulseJobTimeoutException"/>;
    /// null (the default) waits until the job finishes or the caller cancels.
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the job is cancelled on the server (cancelJob) when the wait ends by
    /// <see cref="Timeout"/> or by the caller's cancellation token. Default false: the job keeps running and can be
    /// re-attached with <see cref="JobsClient.AttachToJob"/>.
    /// </summary>
    public bool CancelJobOnAbort { get; set; }

    /// <summary>
    /// Gets or sets how long polls may keep failing transiently (no response, HTTP 5xx, HTTP 429) before the wait gives
    /// up with the last failure. Counted from the start of the first failed request of a run of failures (so a request
    /// that hangs until the HTTP timeout counts in full); a successful poll resets it. Default 60 s, as in Edge
    /// Impulse's Node.js client. <see cref="TimeSpan.Zero"/> tolerates nothing; at most 49 days.
    /// </summary>
    public TimeSpan TransientFailureTolerance { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the receiver of a <see cref="JobProgress"/> after every successful status poll; null for none.</summary>
    public IProgress<JobProgress>? Progress { get; set; }

    /// <summary>
    /// Gets or sets how many of the job's last log lines are fetched into <see cref="EdgeImpulseJobFailedException.LastLogLines"/>
    /// when the job fails (0 to 1000; 0 fetches none). Default 20.
    /// </summary>
    public int FailureLogLineCount { get; set; } = 20;

    /// <summary>
    /// Gets or sets how many lines <see cref="JobOperation.StreamLogsAsync"/> asks for per poll (1 to 1000). When more
    /// lines arrived since the last poll, it asks again for up to 1000. Default 100.
    /// </summary>
    public int LogLinesPerPoll { get; set; } = 100;

    /// <summary>Gets or sets the clock used for intervals, timeouts and elapsed times (tests substitute their own). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal JobWaitOptions Validated()
    {
        // Zero would stay zero under any backoff factor: a busy loop of polls.
        if (InitialPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialPollInterval), InitialPollInterval, "InitialPollInterval must be positive.");
        }

        if (MaxPollInterval < InitialPollInterval || MaxPollInterval > LongestTimer)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPollInterval), MaxPollInterval, "MaxPollInterval must be at least InitialPollInterval and at most 49 days.");
        }

        if (!(BackoffFactor >= 1) || double.IsInfinity(BackoffFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "BackoffFactor must be a finite number of at least 1.");
        }

        if (Timeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > LongestTimer))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "Timeout must be positive and at most 49 days, or null for none.");
        }

        // The bound also keeps every Retry-After the wait honours within what a timer accepts.
        if (TransientFailureTolerance < TimeSpan.Zero || TransientFailureTolerance > LongestTimer)
        {
            throw new ArgumentOutOfRangeException(nameof(TransientFailureTolerance), TransientFailureTolerance, "TransientFailureTolerance must be between zero and 49 days.");
        }

        if (FailureLogLineCount is < 0 or > MaxLogLinesPerRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(FailureLogLineCount), FailureLogLineCount, $"FailureLogLineCount must be between 0 and {MaxLogLinesPerRequest}.");
        }

        if (LogLinesPerPoll is < 1 or > MaxLogLinesPerRequest)
        {
            throw new ArgumentOutOfRangeException(nameof(LogLinesPerPoll), LogLinesPerPoll, $"LogLinesPerPoll must be between 1 and {MaxLogLinesPerRequest}.");
        }

        return new JobWaitOptions
        {
            InitialPollInterval = InitialPollInterval,
            BackoffFactor = BackoffFactor,
            MaxPollInterval = MaxPollInterval,
            Timeout = Timeout,
            CancelJobOnAbort = CancelJobOnAbort,
            TransientFailureTolerance = TransientFailureTolerance,
            Progress = Progress,
            FailureLogLineCount = FailureLogLineCount,
            LogLinesPerPoll = LogLinesPerPoll,
            TimeProvider = TimeProvider ?? throw new ArgumentNullException(nameof(TimeProvider)),
        };
    }
}
