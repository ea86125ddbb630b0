// CUSTOM: one wait or log stream of a JobOperation: the poll schedule with backoff, the overall timeout, tolerance of
// transient failures (the retry policy's ForJobPolls strategy, on this schedule), progress reports, and what an abort
// turns into. Shared so waiting and streaming logs behave the same.
using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace EdgeImpulse.Generated;

/// <content>The polling machinery behind <see cref="WaitForCompletionAsync(JobWaitOptions, CancellationToken)"/> and <see cref="StreamLogsAsync"/>.</content>
public partial class JobOperation
{
    private sealed class PollRun : IDisposable
    {
        private readonly JobOperation _operation;
        private readonly JobWaitOptions _options;
        private readonly CancellationToken _callerToken;
        private readonly CancellationTokenSource? _timeout;
        private readonly CancellationTokenSource _linked;
        private readonly long _startedAt;
        private readonly ResiliencePipeline _transientRetries;
        private TimeSpan _interval;
        private int _polls;

        public PollRun(JobOperation operation, JobWaitOptions options, CancellationToken callerToken)
        {
            _operation = operation;
            _options = options;
            _callerToken = callerToken;
            _timeout = options.Timeout is { } timeout ? new CancellationTokenSource(timeout, options.TimeProvider) : null;
            _linked = _timeout is null
                ? CancellationTokenSource.CreateLinkedTokenSource(callerToken)
                : CancellationTokenSource.CreateLinkedTokenSource(callerToken, _timeout.Token);
            _startedAt = options.TimeProvider.GetTimestamp();
            _interval = options.InitialPollInterval;
            _transientRetries = RetryPolicy.ForJobPolls(options, NextInterval, operation._logging);
        }

        /// <summary>Gets a value indicating whether the run was stopped by the caller's token or by the timeout.</summary>
        public bool WasAborted => _linked.IsCancellationRequested;

        private TimeProvider Clock => _options.TimeProvider;

        /// <summary>Polls the status (tolerating transient failures) and reports progress.</summary>
        public async Task<Job> PollStatusAsync()
        {
            var before = _operation.LastStatus is { } last ? JobProgress.StateOf(last) : (JobProgressState?)null;
            var job = await CallAsync(_operation.UpdateStatusAsync).ConfigureAwait(false);
            _polls++;
            var state = JobProgress.StateOf(job);
            if (state != before)
            {
                _operation._logging?.JobStateChanged(_operation.ProjectId, _operation.JobId, state);
            }

            _options.Progress?.Report(new JobProgress(job, Clock.GetElapsedTime(_startedAt), _polls));
            return job;
        }

        /// <summary>Waits the current interval, then lengthens the next one.</summary>
        public Task DelayAsync() => Task.Delay(NextInterval(), Clock, _linked.Token);

        /// <summary>
        /// Makes one call, repeating it while it fails transiently (<see cref="RetryPolicy.ForJobPolls"/>: no response,
        /// HTTP 408, 429 or 5xx, a malformed 2xx), waiting the next poll interval or Retry-After if longer. It gives up
        /// with the last failure once failures have lasted <see cref="JobWaitOptions.TransientFailureTolerance"/>, or when
        /// Retry-After asks to wait past that.
        /// </summary>
        public Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call) =>
            RetryPolicy.ExecuteJobPollAsync(_transientRetries, Clock, call, GaveUp, _linked.Token);

        /// <summary>
        /// Turns the cancellation that stopped the run into what the caller sees: <see cref="EdgeImpulseJobTimeoutException"/>
        /// for the timeout, <see cref="OperationCanceledException"/> with the caller's token otherwise; first cancels the
        /// job on the server when <see cref="JobWaitOptions.CancelJobOnAbort"/> asks for it.
        /// </summary>
        public async Task<Exception> AbortAsync()
        {
            var timedOut = !_callerToken.IsCancellationRequested && _timeout is { IsCancellationRequested: true };
            var cancelled = false;
            Exception? cancelFailure = null;
            if (_options.CancelJobOnAbort && !_operation.HasCompleted)
            {
                using var cancelTimeout = new CancellationTokenSource(CancelRequestTimeout);
                try
                {
                    await _operation.CancelAsync(force: false, cancelTimeout.Token).ConfigureAwait(false);
                    cancelled = true;
                }
                catch (Exception ex) when (ex is EdgeImpulseApiException or OperationCanceledException)
                {
                    cancelFailure = ex;
                }
            }

            if (timedOut)
            {
                return new EdgeImpulseJobTimeoutException(_operation.ProjectId, _operation.JobId, _options.Timeout!.Value, _operation.LastStatus, cancelled, cancelFailure);
            }

            var server = cancelled ? "the job was cancelled on the server too."
                : cancelFailure is not null ? $"cancelling the job on the server failed: {cancelFailure.Message}"
                : "the job keeps running on the server.";
            return new OperationCanceledException($"Waiting for job {_operation.JobId} in project {_operation.ProjectId} was cancelled; {server}", cancelFailure, _callerToken);
        }

        public void Dispose()
        {
            _linked.Dispose();
            _timeout?.Dispose();
        }

        private TimeSpan NextInterval()
        {
            var current = _interval;
            var next = Math.Min(current.Ticks * _options.BackoffFactor, _options.MaxPollInterval.Ticks);
            _interval = TimeSpan.FromTicks((long)next);
            return current;
        }

        // The same failure, typed as before (status, operation, error text), with how long it was retried.
        private EdgeImpulseApiException GaveUp(EdgeImpulseApiException last, TimeSpan failingFor) =>
            last.Retold($"{last.Message} (job {_operation.JobId}: failing for {failingFor} with retries; TransientFailureTolerance is {_options.TransientFailureTolerance})");
    }
}
