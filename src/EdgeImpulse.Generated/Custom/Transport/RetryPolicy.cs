// CUSTOM: the one retry policy (Polly) around each attempt of a call (send + read), for both construction styles; the
// job poller's time-based tolerance (ForJobPolls, Custom/Jobs/RetryPolicy.JobPolls.cs) is a part of the same class, so
// both share one classifier (IsTransient) and one retry mechanism. Operations that are not safe to repeat (x-edgeimpulse-idempotent: false, see ApiOperation) are retried only when the request
// provably never left the client; when their answer is lost, the failure says the call may have taken effect.
using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Polly;
using Polly.Retry;

namespace EdgeImpulse.Generated;

internal sealed partial class RetryPolicy
{
    private static readonly ResiliencePropertyKey<ApiOperation> OperationKey = new("EdgeImpulse.Operation");
    private static readonly ResiliencePropertyKey<Func<bool>?> CanResendKey = new("EdgeImpulse.CanResend");

    // Set while a job poll runs under its own pipeline (ForJobPolls): the poll repeats transient failures within its
    // time-based TransientFailureTolerance, so at the transport it is one attempt, not a retry loop inside a retry loop.
    private static readonly AsyncLocal<bool> PollerRetries = new();

    private readonly EdgeImpulseRetryOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public RetryPolicy(EdgeImpulseRetryOptions options, TransportLogging? logging = null)
    {
        _options = options;
        if (options.MaxRetries == 0)
        {
            _pipeline = ResiliencePipeline.Empty;
            return;
        }

        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is EdgeImpulseApiException failure
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && ShouldRetry(args.Context.Properties.GetValue(OperationKey, ApiOperation.Find(failure.OperationId)), failure)
                    && (args.Context.Properties.GetValue(CanResendKey, null) is not { } canResend || canResend())),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(DelayFor(args.AttemptNumber, args.Outcome.Exception as EdgeImpulseApiException)),
                // Polly numbers attempts from 0, so the retry after attempt 0 (the first) is the second attempt.
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is EdgeImpulseApiException failure)
                    {
                        logging?.Retrying(args.Context.Properties.GetValue(OperationKey, ApiOperation.Find(failure.OperationId)), failure, args.AttemptNumber + 2, args.RetryDelay);
                    }

                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Gets a value indicating whether a failure is transient infrastructure: no (or a broken) response, HTTP 408, 429,
    /// 500, 502, 503 or 504, or a 2xx answer whose body is not the expected JSON (a captive proxy's HTML page, an empty
    /// or cut-off body).
    /// </summary>
    public static bool IsTransient(EdgeImpulseApiException failure) =>
        failure.Status is 0 or 408 or 429 or 500 or 502 or 503 or 504 || IsMalformedSuccess(failure);

    /// <summary>
    /// Gets a value indicating whether the request provably never reached the server: the connection could not be
    /// made (refused, unreachable, name not resolved, TLS handshake failed), so nothing of the request was sent.
    /// </summary>
    public static bool ProvablyNotSent(Exception failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
            {
                return true;
            }

            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs one call: each attempt as given, retried as this policy says; the caller's cancellation ends it.
    /// <paramref name="canResend"/>, when given, says whether the request's body can be sent again (a body streamed
    /// from a non-seekable stream cannot, once read): a failure that would be retried is then thrown, saying why not.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(ApiOperation operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken, Func<bool>? canResend = null)
    {
        try
        {
            // The first attempt runs outside Polly, so a call that succeeds costs nothing of the pipeline (measured at
            // about 0.6 KB and two state machines per call); only a failure enters it, as its attempt 0 (see RetryAsync).
            cancellationToken.ThrowIfCancellationRequested();
            var first = attempt(cancellationToken);
            try
            {
                return await first.ConfigureAwait(false);
            }
            catch (EdgeImpulseApiException) when (!PollerRetries.Value && _pipeline != ResiliencePipeline.Empty && !cancellationToken.IsCancellationRequested)
            {
            }

            return await RetryAsync(operation, first, attempt, canResend, cancellationToken).ConfigureAwait(false);
        }
        catch (EdgeImpulseApiException failure) when (canResend is not null && _pipeline != ResiliencePipeline.Empty && !cancellationToken.IsCancellationRequested && ShouldRetry(operation, failure) && !canResend())
        {
            // Repeating the request would send a body whose stream was already read (and cannot be rewound): the server
            // would get a truncated or empty file. Say so, and how to make the call retryable.
            throw failure.Retold(
                $"{failure.Message} It was not retried: its body streams from a stream that cannot be rewound and was already read (pass a seekable stream, FileParameter.FromFile or FileParameter.FromBytes to allow retries).");
        }
        catch (EdgeImpulseApiException failure) when (!operation.Idempotent && failure.Status == 0 && !ProvablyNotSent(failure))
        {
            // The request may have reached the server and taken effect (a job started, a setting stored); repeating it
            // blindly could do it twice, so say so instead of leaving the caller to guess.
            throw failure.Retold(
                $"{failure.Message} The request may have reached the server, so {operation.Id} may have taken effect{(operation.StartsJob ? " (a job may have started: check the project's jobs before starting another)" : string.Empty)}; it was not retried, because repeating it is not safe.",
                mayHaveTakenEffect: true);
        }
    }

    // The pipeline's attempt 0 is the first attempt's failure, handed over as it is, so ShouldHandle, the delays, the
    // attempt numbers and OnRetry see exactly what they would have seen had the pipeline run the first attempt itself.
    private async Task<T> RetryAsync<T>(ApiOperation operation, Task<T> failedFirst, Func<CancellationToken, Task<T>> attempt, Func<bool>? canResend, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation.Id, cancellationToken);
        context.Properties.Set(OperationKey, operation);
        context.Properties.Set(CanResendKey, canResend);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<T>(state.Next(ctx.CancellationToken)),
                context,
                new Attempts<T>(failedFirst, attempt)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // A 2xx that is not what the operation returns, in the ways infrastructure breaks it: a body that is not JSON at all
    // (empty, cut off, a proxy's page: the parser's JsonReaderException is kept as the inner exception), or HTML.
    private static bool IsMalformedSuccess(EdgeImpulseApiException failure) =>
        failure.Status is >= 200 and < 300 && failure.ErrorText is null
        && (failure.InnerException is JsonReaderException || string.Equals(failure.ContentType, "text/html", StringComparison.OrdinalIgnoreCase));

    private bool ShouldRetry(ApiOperation operation, EdgeImpulseApiException failure)
    {
        if (failure.RetryAfter > _options.MaxDelay)
        {
            return false;
        }

        return operation.Idempotent ? IsTransient(failure) : failure.Status == 0 && ProvablyNotSent(failure);
    }

    // Exponential from BaseDelay with ±20% jitter (Azure.Core's shape), at most MaxDelay; Retry-After is a floor.
    private TimeSpan DelayFor(int attemptNumber, EdgeImpulseApiException? failure)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var jittered = exponential * (0.8 + (Random.Shared.NextDouble() * 0.4));
        var delay = TimeSpan.FromMilliseconds(Math.Min(jittered, _options.MaxDelay.TotalMilliseconds));
        return failure?.RetryAfter is { } retryAfter && retryAfter > delay ? retryAfter : delay;
    }

    private sealed class Attempts<T>(Task<T> failedFirst, Func<CancellationToken, Task<T>> attempt)
    {
        private bool _firstTaken;

        public Task<T> Next(CancellationToken cancellationToken)
        {
            if (_firstTaken)
            {
                return attempt(cancellationToken);
            }

            _firstTaken = true;
            return failedFirst;
        }
    }
}
