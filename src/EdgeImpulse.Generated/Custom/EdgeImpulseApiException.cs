// CUSTOM: the one exception type every operation throws for a failed call (Azure SDK's RequestFailedException style).
using System;

namespace EdgeImpulse.Generated;

/// <summary>
/// A call to the Edge Impulse Studio API failed: a non-success HTTP status, a <c>success: false</c> body
/// (which the Studio also sends with HTTP 200), a body that is not what the operation returns, or no response at all.
/// </summary>
public sealed class EdgeImpulseApiException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    public EdgeImpulseApiException(string message)
        : base(message)
    {
        OperationId = string.Empty;
    }

    /// <summary>Initializes a new instance of the <see cref="EdgeImpulseApiException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EdgeImpulseApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        OperationId = string.Empty;
    }

    internal EdgeImpulseApiException(string message, string operationId, int status, string? errorText, string? contentType, string? bodyExcerpt, Exception? innerException = null)
        : base(message, innerException)
    {
        OperationId = operationId;
        Status = status;
        ErrorText = errorText;
        ContentType = contentType;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>Gets the operationId of the call that failed, e.g. <c>getKeras</c>.</summary>
    public string OperationId { get; }

    /// <summary>Gets the HTTP status code, or 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>Gets the Studio's <c>error</c> text, when the body carried one.</summary>
    public string? ErrorText { get; }

    /// <summary>Gets the response's content type, when there was a response.</summary>
    public string? ContentType { get; }

    /// <summary>Gets the start of the response body (with any configured credential redacted), for diagnostics.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>
    /// Gets how long the server asked the client to wait before trying again (its <c>Retry-After</c> header, usually
    /// sent with HTTP 429 or 503), or null when it sent none. A date in the past reads as <see cref="TimeSpan.Zero"/>.
    /// </summary>
    public TimeSpan? RetryAfter { get; internal init; }

    /// <summary>
    /// Gets a value indicating whether the call may have taken effect although it failed: an operation that is not safe
    /// to repeat (it starts a job or changes state) lost its answer after the request may have reached the server.
    /// Check the server's state (e.g. the project's running jobs) before repeating it.
    /// </summary>
    public bool MayHaveTakenEffect { get; internal init; }

    /// <summary>
    /// Gets the job that had already finished successfully when this call failed, for a workflow helper (such as
    /// <see cref="EdgeImpulseClient.TrainKerasAsync"/>) whose result read failed after its job succeeded; null otherwise.
    /// The job's outcome is kept: read the result again (e.g. getKerasMetadata) instead of running the job again.
    /// </summary>
    public Job? CompletedJob { get; internal init; }
}
