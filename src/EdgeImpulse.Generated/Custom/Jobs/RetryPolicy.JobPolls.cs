// CUSTOM: the job poller's part of the retry policy (Transport/RetryPolicy.cs): one classifier and one retry mechanism
// for calls and polls. Kept out of the transport, which is the shared runtime every client compiles.
using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace EdgeImpulse.Generated;

/// <content>The job poller's retry strategy.</content>
internal sealed partial class RetryPolicy
{
    private static readonly ResiliencePropertyKey<JobPollBudget> JobPollKey = new("EdgeImpulse.JobPoll");

    /// <summary>
    /// Builds the job poller's retry strategy (one per wait, as <paramref name="nextPollInterval"/> is the wait's own
    /// schedule). It repeats a transient failure (<see cref="IsTransient"/>, or any 5xx) as long as failures have lasted
    /// less than <see cref="JobWaitOptions.TransientFailureTolerance"/>, counted on
    /// <see cref="JobWaitOptions.TimeProvider"/> from the start of the first failed attempt (so a call that hangs until the
    /// HTTP timeout counts in full), and Retry-After does not ask to wait past it. The budget is time, so attempts are
    /// unbounded. It waits the next poll interval, or Retry-After if longer, on the same clock. Run calls through
    /// <see cref="ExecuteJobPollAsync"/>.
    /// </summary>
    public static ResiliencePipeline ForJobPolls(JobWaitOptions options, Func<TimeSpan> nextPollInterval, TransportLogging? logging)
    {
        var tolerance = options.TransientFailureTolerance;
        return new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is EdgeImpulseApiException failure
                    && IsTransientForPolls(failure)
                    && args.Context.Properties.GetValue(JobPollKey, null!) is { } budget
                    && budget.WithinTolerance(tolerance, failure)),
                DelayGenerator = args =>
                {
                    var wait = nextPollInterval();
                    var retryAfter = (args.Outcome.Exception as EdgeImpulseApiException)?.RetryAfter;
                    return ValueTask.FromResult<TimeSpan?>(retryAfter > wait ? retryAfter : wait);
                },
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is EdgeImpulseApiException failure)
                    {
                        logging?.Retrying(ApiOperation.Find(failure.OperationId), failure, args.AttemptNumber + 2, args.RetryDelay);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Runs one call of a job wait through its <paramref name="pipeline"/> (from <see cref="ForJobPolls"/>), each attempt
    /// a single attempt at the transport. When the tolerance runs out, the last failure is thrown as
    /// <paramref name="gaveUp"/> words it, given how long failures lasted; any other failure is thrown as it is.
    /// </summary>
    public static async Task<T> ExecuteJobPollAsync<T>(
        ResiliencePipeline pipeline,
        TimeProvider clock,
        Func<CancellationToken, Task<T>> call,
        Func<EdgeImpulseApiException, TimeSpan, EdgeImpulseApiException> gaveUp,
        CancellationToken cancellationToken)
    {
        var attempts = new JobPollAttempts<T>(clock, call);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set<JobPollBudget>(JobPollKey, attempts);
        var previous = PollerRetries.Value;
        PollerRetries.Value = true;
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<T>(state.Next(ctx.CancellationToken)),
                context,
                attempts).ConfigureAwait(false);
        }
        catch (EdgeImpulseApiException failure) when (attempts.GaveUpAfter is { } failingFor)
        {
            throw gaveUp(failure, failingFor);
        }
        finally
        {
            PollerRetries.Value = previous;
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // A poll tolerates what a call retries, and any other 5xx too: a wait outlives a brief server fault.
    private static bool IsTransientForPolls(EdgeImpulseApiException failure) => failure.Status >= 500 || IsTransient(failure);

    // One job-poll call's failure budget: when its current attempt started, when its first failed attempt started, and,
    // once the tolerance ran out, how long failures had lasted.
    private class JobPollBudget(TimeProvider clock)
    {
        private long _attemptStartedAt;
        private long? _firstFailedAt;

        public TimeSpan? GaveUpAfter { get; private set; }

        public bool WithinTolerance(TimeSpan tolerance, EdgeImpulseApiException failure)
        {
            _firstFailedAt ??= _attemptStartedAt;
            var failingFor = clock.GetElapsedTime(_firstFailedAt.Value);
            if (failingFor >= tolerance || failingFor + (failure.RetryAfter ?? TimeSpan.Zero) > tolerance)
            {
                GaveUpAfter = failingFor;
                return false;
            }

            return true;
        }

        protected void AttemptStarting() => _attemptStartedAt = clock.GetTimestamp();
    }

    private sealed class JobPollAttempts<T>(TimeProvider clock, Func<CancellationToken, Task<T>> call) : JobPollBudget(clock)
    {
        public Task<T> Next(CancellationToken cancellationToken)
        {
            AttemptStarting();
            return call(cancellationToken);
        }
    }
}
