// CUSTOM: what a failed CI run has to show: one Debug log line per attempt (method, path template, operationId,
// status, duration, attempt), a Warning per retry with its delay, job state changes at Information, and an Activity per
// attempt (ActivitySource "EdgeImpulse.Generated") so OpenTelemetry users see the calls. Only the path template, ids
// and statuses are recorded, and every text from the server passes the redactor: no credential reaches a log or trace.
using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeImpulse.Generated;

internal sealed partial class TransportLogging
{
    /// <summary>The name of the library's <see cref="ActivitySource"/> (and of its logger category).</summary>
    public const string SourceName = "EdgeImpulse.Generated";

    private static readonly ActivitySource Source = new(SourceName, typeof(TransportLogging).Assembly.GetName().Version?.ToString(3));

    private readonly ILogger _logger;
    private readonly Redactor _redactor;

    public TransportLogging(ILoggerFactory? loggerFactory, Redactor redactor)
    {
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(SourceName);
        _redactor = redactor;
    }

    /// <summary>Gets a value indicating whether anyone listens to the trace spans (<see cref="StartAttempt"/> returns null otherwise).</summary>
    public static bool HasListeners => Source.HasListeners();

    /// <summary>Starts the trace span of one attempt (null when nobody listens).</summary>
    public static Activity? StartAttempt(ApiOperation operation, string? projectId, string? jobId, int attempt)
    {
        var activity = Source.StartActivity(operation.Id, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("edgeimpulse.operation_id", operation.Id);
            activity.SetTag("http.request.method", operation.Method);
            activity.SetTag("url.template", operation.PathTemplate);
            activity.SetTag("http.request.resend_count", attempt - 1);
            if (projectId is not null)
            {
                activity.SetTag("edgeimpulse.project_id", projectId);
            }

            if (jobId is not null)
            {
                activity.SetTag("edgeimpulse.job_id", jobId);
            }
        }

        return activity;
    }

    /// <summary>Records how one attempt ended: a status (0 for none) or a failure.</summary>
    public void AttemptEnded(Activity? activity, ApiOperation operation, int attempt, int status, TimeSpan duration, Exception? failure)
    {
        if (activity is not null)
        {
            if (status != 0)
            {
                activity.SetTag("http.response.status_code", status);
            }

            if (failure is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, _redactor.Excerpt(failure.Message, 300));
                activity.SetTag("error.type", failure is EdgeImpulseApiException { Status: not 0 } api ? api.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : failure.GetType().Name);
            }

            activity.Dispose();
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogAttempt(_logger, operation.Method, operation.PathTemplate, operation.Id, status, duration.TotalMilliseconds, attempt, failure is null ? "ok" : _redactor.Excerpt(failure.Message, 300));
        }
    }

    /// <summary>Records that a failed attempt is retried after a delay.</summary>
    public void Retrying(ApiOperation operation, EdgeImpulseApiException failure, int nextAttempt, TimeSpan delay)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            LogRetry(_logger, operation.Id, failure.Status, delay.TotalMilliseconds, nextAttempt, _redactor.Excerpt(failure.Message, 300));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {PathTemplate} ({OperationId}) attempt {Attempt}: status {Status} in {DurationMs:F1} ms: {Outcome}")]
    private static partial void LogAttempt(ILogger logger, string method, string pathTemplate, string operationId, int status, double durationMs, int attempt, string outcome);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{OperationId} failed transiently (status {Status}); attempt {NextAttempt} in {DelayMs:F0} ms: {Reason}")]
    private static partial void LogRetry(ILogger logger, string operationId, int status, double delayMs, int nextAttempt, string reason);
}
